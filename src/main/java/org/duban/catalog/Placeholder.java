package org.duban.catalog;

/**
 * What a draft catalog holds where the plan document does not say (no city, no title, no
 * coordinating office named): a visible mark a reviewer must replace. Deploying refuses it.
 */
public final class Placeholder {

  /** The mark: "待填写" (to be filled in), alone or followed by a hint in brackets. */
  public static final String MARK = "待填写";

  /**
   * The government slug (and so the start of every id) of a draft whose place the document does not
   * name: the pinyin of the mark.
   */
  public static final String ID = "daitianxie";

  private Placeholder() {}

  /** "daitianxie" or "daitianxie-…": an id a reviewer still has to give. */
  public static boolean isPlaceholderId(String id) {
    return id != null && (id.equals(ID) || id.startsWith(ID + "-"));
  }

  /** "待填写" or "待填写(…)": the value a reviewer still has to give. */
  public static String of(String hint) {
    return hint == null || hint.isEmpty() ? MARK : MARK + "(" + hint + ")";
  }

  public static boolean isPlaceholder(String value) {
    return value != null && value.strip().startsWith(MARK);
  }
}
