package org.duban.planimport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.duban.security.BufferedRequest;
import org.duban.security.JsonAnswer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A plan document or a catalog is a few dozen KB; reading, importing and deploying one costs heap
 * out of all proportion (a 4 MB catalog took some 790 MiB). A body above the cap ({@code
 * duban.catalog.max-request-size}) is refused with 413 before anything parses it: at most the cap
 * is ever held in memory.
 */
public class PlanUploadLimit extends OncePerRequestFilter {

  /**
   * Read and dropped past the cap, so that the client gets to read the 413 instead of a reset
   * connection.
   */
  private static final long DRAIN = DataSize.ofMegabytes(16).toBytes();

  private final DataSize max;

  public PlanUploadLimit(DataSize max) {
    this.max = max;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long cap = max.toBytes();
    if (request.getContentLengthLong() > cap) {
      refuse(request, response);
      return;
    }
    byte[] body =
        request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
    if (body.length > cap) {
      refuse(request, response);
      return;
    }
    chain.doFilter(new BufferedRequest(request, body), response);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    drain(request.getInputStream());
    JsonAnswer.send(
        response,
        HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
        "提交的内容超过 " + readable(max) + " 的上限,未做任何处理。方案正文或方案目录通常只有几十 KB:请只提交一份方案,并去掉图片、附件等无关内容。",
        java.util.Map.of("limitBytes", max.toBytes()));
  }

  private static void drain(InputStream in) {
    try {
      long left = DRAIN;
      byte[] buffer = new byte[8192];
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException e) {
      // the client went away: nothing to answer
    }
  }

  static String readable(DataSize size) {
    long bytes = size.toBytes();
    if (bytes % (1024 * 1024) == 0) {
      return (bytes / (1024 * 1024)) + " MB";
    }
    if (bytes % 1024 == 0) {
      return (bytes / 1024) + " KB";
    }
    return bytes + " 字节";
  }
}
