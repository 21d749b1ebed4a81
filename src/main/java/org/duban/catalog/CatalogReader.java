package org.duban.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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

  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd").withResolverStyle(java.time.format.ResolverStyle.STRICT);

  private final ObjectMapper yaml;

  public CatalogReader() {
    SimpleModule monthDays = new SimpleModule().addDeserializer(MonthDay.class, new MonthDayDeserializer());
    this.yaml = new ObjectMapper(new YAMLFactory())
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
    if (text == null || text.isBlank()) {
      throw new CatalogException(file, 1, "", "the catalog is empty");
    }
    // Jackson buffers record properties and reports an error where the object ends; the index knows
    // the line of the offending field itself
    YamlLineIndex lines = new YamlLineIndex(text);
    PlanCatalog parsed;
    try {
      parsed = yaml.readValue(text, PlanCatalog.class);
    } catch (UnrecognizedPropertyException e) {
      String path = CatalogPaths.of(e.getPath());
      throw new CatalogException(file, lineOf(lines, path, e.getLocation()), path,
          "unknown field '" + e.getPropertyName() + "' (known: " + e.getKnownPropertyIds() + ")", e);
    } catch (JsonMappingException e) {
      String path = CatalogPaths.of(e.getPath());
      throw new CatalogException(file, lineOf(lines, path, e.getLocation()), path, e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new CatalogException(file, lineOf(e.getLocation()), "", "not valid YAML: " + e.getOriginalMessage(), e);
    }
    if (parsed == null) {
      throw new CatalogException(file, 1, "", "the catalog is empty");
    }
    return new CatalogValidator(file, lines).validate(parsed);
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
        throw JsonMappingException.from(p, "'" + text + "' is not a day of the year (MM-dd, e.g. 12-15)");
      }
    }
  }
}
