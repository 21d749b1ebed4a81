package org.duban.security;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** A refused write answers 403 with its reason, in the shape of the engine's own error answers. */
@Provider
public class WriteRefusedMapper implements ExceptionMapper<WriteRefusedException> {

  @Override
  public Response toResponse(WriteRefusedException exception) {
    return Response.status(Response.Status.FORBIDDEN)
        .entity(Map.of("type", "AuthorizationException", "message", exception.getMessage()))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
