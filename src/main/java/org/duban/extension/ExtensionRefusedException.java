package org.duban.extension;

/**
 * An extension request refused by its rules, with the HTTP status it answers and the reason in
 * Chinese: 404 no such open task, 403 not the caller's unit, 400 a rule of the request.
 */
public class ExtensionRefusedException extends RuntimeException {

  private final int status;

  ExtensionRefusedException(int status, String message) {
    super(message);
    this.status = status;
  }

  static ExtensionRefusedException notFound(String message) {
    return new ExtensionRefusedException(404, message);
  }

  static ExtensionRefusedException forbidden(String message) {
    return new ExtensionRefusedException(403, message);
  }

  static ExtensionRefusedException invalid(String message) {
    return new ExtensionRefusedException(400, "延期申请未提交:" + message);
  }

  public int status() {
    return status;
  }
}
