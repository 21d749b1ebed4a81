package org.duban.security;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Adds {@link RejectedRequestMapper} to every Jersey application of the server: the engine REST API
 * at /engine-rest and the webapps' own copy that Tasklist calls, so a rejected form shows the
 * rule's message there too, without Camunda's English prefix; likewise {@link WriteRefusedMapper}
 * and {@link AuthorizationRefusedMapper} (permission errors in Chinese). Found by Jersey through
 * META-INF/services.
 */
public class RejectedRequestDiscovery implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(RejectedRequestMapper.class)) {
      context.register(RejectedRequestMapper.class);
    }
    if (!context.getConfiguration().isRegistered(WriteRefusedMapper.class)) {
      context.register(WriteRefusedMapper.class);
    }
    if (!context.getConfiguration().isRegistered(AuthorizationRefusedMapper.class)) {
      context.register(AuthorizationRefusedMapper.class);
    }
  }
}
