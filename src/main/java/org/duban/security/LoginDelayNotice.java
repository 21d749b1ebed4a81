package org.duban.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A login refused while the engine delays that user says so, and for how long: the webapps' login
 * (Tasklist and Cockpit show the answer's {@code message}), and HTTP Basic on /engine-rest and
 * /api. Any other refusal keeps its answer. The user is the form's {@code username} or the Basic
 * header's; the engine decides, this filter only reads the delay it set ({@link LoginDelays}).
 */
public class LoginDelayNotice extends OncePerRequestFilter {

  /** A login form is a few dozen bytes; a bigger body is passed on unread. */
  private static final int MAX_LOGIN_FORM = 16 * 1024;

  private final LoginDelays delays;
  private final String webappLogin;

  /**
   * @param webappPath where the webapps are served, e.g. {@code /camunda}
   */
  public LoginDelayNotice(LoginDelays delays, String webappPath) {
    this.delays = delays;
    this.webappLogin = webappPath + "/api/admin/auth/user/";
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest next = request;
    String user = basicUser(request);
    if (isWebappLogin(request)) {
      byte[] form = request.getInputStream().readNBytes(MAX_LOGIN_FORM);
      next = new BufferedRequest(request, form);
      user = formField(form, "username");
    }
    if (user == null) {
      chain.doFilter(next, response);
      return;
    }
    Refusal refusal = new Refusal(response);
    chain.doFilter(next, refusal);
    if (!refusal.unauthorized || response.isCommitted()) {
      return;
    }
    Optional<Duration> wait = delays.remaining(user);
    if (wait.isPresent()) {
      long seconds = LoginDelays.wholeSeconds(wait.get());
      response.setHeader("Retry-After", String.valueOf(seconds));
      JsonAnswer.send(
          response,
          HttpServletResponse.SC_UNAUTHORIZED,
          LoginDelays.message(wait.get()),
          Map.of("retryAfterSeconds", seconds));
    } else if (refusal.sentError) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, refusal.errorMessage);
    }
  }

  private boolean isWebappLogin(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return "POST".equals(request.getMethod())
        && uri.startsWith(webappLogin)
        && uri.contains("/login/")
        && request.getContentLengthLong() <= MAX_LOGIN_FORM;
  }

  private static String basicUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon > 0 ? decoded.substring(0, colon) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String formField(byte[] form, String name) {
    for (String pair : new String(form, StandardCharsets.ISO_8859_1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        try {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** Holds back a 401 (sent or set) until the filter has looked at the user's delay. */
  private static final class Refusal extends HttpServletResponseWrapper {
    boolean unauthorized;
    boolean sentError;
    String errorMessage;

    Refusal(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) throws IOException {
      sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (status != SC_UNAUTHORIZED) {
        super.sendError(status, message);
        return;
      }
      unauthorized = true;
      sentError = true;
      errorMessage = message;
      super.setStatus(status);
    }

    @Override
    public void setStatus(int status) {
      unauthorized = status == SC_UNAUTHORIZED;
      super.setStatus(status);
    }
  }
}
