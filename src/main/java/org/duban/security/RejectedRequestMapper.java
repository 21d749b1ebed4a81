package org.duban.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The engine REST resources wrap every engine exception of a start or a completion into a 500. A
 * request refused by a Duban rule (a second round of the same year, a year outside the plan) is the
 * caller's error: answer 400 with the rule's own message. Everything else keeps Camunda's answer.
 */
@Provider
@Priority(1)
public class RejectedRequestMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable t = exception.getCause(); t != null; t = t.getCause()) {
      if (t instanceof org.camunda.bpm.engine.AuthorizationException refused) {
        return AuthorizationRefusedMapper.answer(refused);
      }
      if (t instanceof BadUserRequestException rejection
          && t.getClass().getName().startsWith("org.duban.")) {
        ExceptionDto dto = ExceptionDto.fromException(rejection);
        return Response.status(Response.Status.BAD_REQUEST)
            .entity(dto)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .build();
      }
    }
    return camunda.toResponse(exception);
  }
}
