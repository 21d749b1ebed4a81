package org.duban.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * A write to /api made with the webapps' session cookie must carry the session's CSRF token, as the
 * webapps' own calls do: the {@code X-XSRF-TOKEN} header equal to the token Camunda's
 * CsrfPreventionFilter keeps in the session. A page of another site can make the browser send the
 * cookie, but cannot read the token. Reads, and HTTP Basic callers (who send no cookie), need none.
 */
final class SessionCsrfCheck {

  static final String MESSAGE = "请求缺少有效的防跨站令牌(X-XSRF-TOKEN),已拒绝:请在督办系统的页面内操作,或刷新页面后重试。";

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private SessionCsrfCheck() {}

  static boolean passes(HttpServletRequest request, HttpSession session) {
    if (READS.contains(request.getMethod())) {
      return true;
    }
    Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    return expected instanceof String token
        && sent != null
        && MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }
}
