package org.duban.round;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads a JSON number as the exact BigDecimal its text states, never as a double (which would turn
 * 15000.00000000000000001 into 15000 and 1E+400 into Infinity); anything else as Jackson reads an
 * untyped value. For the values of a filed report's indicators, whichever mapper reads the report.
 */
final class ExactNumbers extends StdDeserializer<Object> {

  ExactNumbers() {
    super(Object.class);
  }

  @Override
  public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return parser.getDecimalValue();
    }
    return context.readValue(parser, Object.class);
  }
}
