package org.duban.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads one catalog file into a {@link PlanCatalog}: YAML syntax and types first (Jackson knows the
 * line of every bad token), then the rules a catalog must keep ({@link CatalogValidator}).
 */
public final class CatalogReader {

  private static final DateTimeFormatter MONTH_DAY =
      DateTimeFormatter.ofPattern("MM-dd").withResolverStyle(java.time.format.ResolverStyle.STRICT);

  private final ObjectMapper yaml;

  public CatalogReader() {
    SimpleModule monthDays =
        new SimpleModule().addDeserializer(MonthDay.class, new MonthDayDeserializer());
    // a key given twice would silently keep the last value: a reviewer must see it instead
    YAMLFactory factory =
        YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    this.yaml =
        new ObjectMapper(factory)
            .registerModule(new JavaTimeModule())
            .registerModule(monthDays)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  public ObjectMapper mapper() {
    return yaml;
  }

  public PlanCatalog read(String file, String text) {
    PlanCatalog parsed = readDraft(file, text);
    return new CatalogValidator(file, new YamlLineIndex(text)).validate(parsed);
  }

  /**
   * Reads a draft as written, YAML syntax and types only: a draft the importer made may still hold
   * placeholders and tasks without units, which {@link #read} (and so deploying) refuses.
   */
  public PlanCatalog readDraft(String file, String text) {
    if (text == null || text.isBlank()) {
      throw new CatalogException(file, 1, "", "the catalog is empty");
    }
    // Jackson buffers record properties and reports an error where the object ends; the index knows
    // the line of the offending field itself
    YamlLineIndex lines = new YamlLineIndex(text);
    PlanCatalog parsed;
    try {
      parsed = yaml.readValue(text, PlanCatalog.class);
    } catch (JsonProcessingException e) {
      throw refusal(file, lines, e);
    }
    if (parsed == null) {
      throw new CatalogException(file, 1, "", "the catalog is empty");
    }
    return parsed;
  }

  private static CatalogException refusal(
      String file, YamlLineIndex lines, JsonProcessingException error) {
    JsonParseException duplicate = duplicateKey(error);
    if (duplicate != null) {
      JsonStreamContext context = duplicate.getProcessor().getParsingContext();
      return new CatalogException(
          file,
          lineOf(duplicate.getLocation()),
          CatalogPaths.of(context, JsonToken.FIELD_NAME),
          "字段 '" + context.getCurrentName() + "' 出现了两次,只能写一次",
          error);
    }
    if (error instanceof UnrecognizedPropertyException e) {
      String path = CatalogPaths.of(e.getPath());
      return new CatalogException(
          file,
          lineOf(lines, path, e.getLocation()),
          path,
          "unknown field '" + e.getPropertyName() + "' (known: " + e.getKnownPropertyIds() + ")",
          e);
    }
    if (error instanceof JsonMappingException e) {
      String path = CatalogPaths.of(e.getPath());
      return new CatalogException(
          file, lineOf(lines, path, e.getLocation()), path, e.getOriginalMessage(), e);
    }
    return new CatalogException(
        file,
        lineOf(error.getLocation()),
        "",
        "not valid YAML: " + error.getOriginalMessage(),
        error);
  }

  /**
   * Jackson's duplicate detection throws a plain parse error (databind may wrap it); the parser's
   * context then names the key given twice.
   */
  private static JsonParseException duplicateKey(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof JsonParseException p
          && p.getProcessor() != null
          && p.getOriginalMessage() != null
          && p.getOriginalMessage().startsWith("Duplicate field")) {
        return p;
      }
    }
    return null;
  }

  private static int lineOf(YamlLineIndex lines, String path, JsonLocation location) {
    if (!path.isEmpty()) {
      return lines.lineOf(path);
    }
    return lineOf(location);
  }

  private static int lineOf(JsonLocation location) {
    return location == null ? 0 : location.getLineNr();
  }

  /** "12-15" rather than ISO's "--12-15": the way people write a day of the year. */
  private static final class MonthDayDeserializer extends JsonDeserializer<MonthDay> {
    @Override
    public MonthDay deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      try {
        return MonthDay.parse(text.trim(), MONTH_DAY);
      } catch (DateTimeParseException | NullPointerException e) {
        throw JsonMappingException.from(
            p, "'" + text + "' is not a day of the year (MM-dd, e.g. 12-15)");
      }
    }
  }
}
