package org.duban.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;

/**
 * A permission error of the engine answers 403 in Chinese (see {@link AuthorizationRefusal}), in
 * the shape of Camunda's own answer so the webapps show its {@code message}; the user's id and the
 * resource ids stay out. Takes precedence over Camunda's AuthorizationExceptionHandler.
 */
@Provider
@Priority(1)
public class AuthorizationRefusedMapper implements ExceptionMapper<AuthorizationException> {

  @Override
  public Response toResponse(AuthorizationException refused) {
    return answer(refused);
  }

  static Response answer(AuthorizationException refused) {
    List<Map<String, String>> missing =
        refused.getMissingAuthorizations().stream()
            .map(
                m ->
                    Map.of(
                        "permissionName", String.valueOf(m.getViolatedPermissionName()),
                        "resourceName", String.valueOf(m.getResourceType())))
            .toList();
    return Response.status(Response.Status.FORBIDDEN)
        .entity(
            Map.of(
                "type",
                "AuthorizationException",
                "message",
                AuthorizationRefusal.message(refused),
                "missingAuthorizations",
                missing))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
