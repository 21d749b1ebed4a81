package org.duban.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a unit list into units the way these plans write them:
 *
 * <ul>
 *   <li>commas (and semicolons) separate groups, "、" separates units within a group;
 *   <li>nothing splits inside brackets: "各县&lt;市、区&gt;人民政府" is one unit, and "市场监管局&lt;知识产权局&gt;"
 *       one unit with a second name, written 市场监管局(知识产权局);
 *   <li>the level prefix of a group's first unit (市/区/省/县) carries to the bare department names
 *       after it: "省信用办、知识产权局" = 省信用办 + 省知识产权局, but 晋江市人民政府 keeps its own place;
 *   <li>collectives stay collectives: "各开发区、工(农)业园区管委会" is one named set, not two bodies.
 * </ul>
 */
final class UnitListParser {

  private static final String OPEN = "(<〈[【(";
  private static final String CLOSE = ")>〉]】)";
  private static final String GROUP_SEPARATORS = ",,;;";

  /** Last characters of the names of government bodies (局, 委, 办, 院, 政府, 中心, 海关, 支行 …). */
  private static final String BODY_ENDINGS = "局委办院府部厅会室组位门行关所处站队协联馆校团社司署心台";

  private static final Pattern PLACE_NAMED = Pattern.compile("\\p{IsHan}{2,}(?<!市场)[市区县州省](?!场)");
  private static final Pattern COLLECTIVE = Pattern.compile("^各|(有关|相关)(部门|单位)|成员单位$|^全市");

  /** A unit's role written after it: "(牵头)", "(牵头单位)", "(配合)". */
  private static final Pattern ROLE = Pattern.compile("\\((牵头单位|牵头|主责|配合单位|配合|参与)\\)$");

  private static final Pattern UNNAMED_OTHERS = Pattern.compile("(等|等有关|等相关)(部门|单位)?$");

  /** The units of a list, and whether it ends in "等" (others not named). */
  record Parsed(List<UnitName> units, boolean othersUnnamed) {}

  private UnitListParser() {}

  static Parsed parse(String list) throws UnreadableUnitsException {
    String text = withoutSpaces(list);
    boolean others = false;
    var m = UNNAMED_OTHERS.matcher(text);
    if (m.find() && !text.endsWith("有关部门") && !text.endsWith("相关部门")) {
      text = text.substring(0, m.start());
      others = true;
    }
    if (text.isEmpty()) {
      throw new UnreadableUnitsException("the unit list is empty");
    }
    Map<String, UnitName> units = new LinkedHashMap<>();
    String lead = null;
    for (String group : split(text, GROUP_SEPARATORS)) {
      if (group.isEmpty()) {
        continue;
      }
      String prefix = null;
      List<String> items = joinIncompleteCollectives(splitAnd(split(group, "、")));
      for (int i = 0; i < items.size(); i++) {
        String item = normaliseBrackets(items.get(i));
        Matcher role = ROLE.matcher(item);
        boolean leads = false;
        if (role.find() && role.start() > 0) {
          // "市知识产权局(牵头)": a role, not a second name
          leads = role.group(1).startsWith("牵头") || role.group(1).equals("主责");
          item = item.substring(0, role.start());
        }
        if (i == 0) {
          prefix = levelPrefix(item);
        } else if (prefix != null && takesPrefix(item)) {
          item = prefix + item;
        }
        UnitName unit = new UnitName(item, isCollective(item));
        check(unit, list);
        units.putIfAbsent(item, unit);
        if (leads && lead == null) {
          lead = item;
        }
      }
    }
    if (units.isEmpty()) {
      throw new UnreadableUnitsException("the unit list is empty");
    }
    List<UnitName> ordered = new ArrayList<>(units.values());
    if (lead != null) {
      ordered.add(0, ordered.remove(ordered.indexOf(units.get(lead)))); // the one marked 牵头 leads
    }
    return new Parsed(List.copyOf(ordered), others);
  }

  static boolean isCollective(String name) {
    return COLLECTIVE.matcher(name).find();
  }

  /** Splits on separators that are not inside brackets. */
  private static List<String> split(String text, String separators) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int depth = 0;
    for (char c : text.toCharArray()) {
      if (OPEN.indexOf(c) >= 0) {
        depth++;
      } else if (CLOSE.indexOf(c) >= 0) {
        depth = Math.max(0, depth - 1);
      }
      if (depth == 0 && separators.indexOf(c) >= 0) {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    return parts;
  }

  /** "有关部门与各县(市、区)人民政府": 与/及 join two units only next to a collective; 和 is part of names. */
  private static List<String> splitAnd(List<String> items) {
    List<String> out = new ArrayList<>();
    for (String item : items) {
      int at = indexOfAnd(item);
      if (at > 0) {
        out.add(item.substring(0, at));
        out.add(item.substring(at + 1));
      } else {
        out.add(item);
      }
    }
    return out;
  }

  private static int indexOfAnd(String item) {
    for (int i = 1; i < item.length() - 1; i++) {
      char c = item.charAt(i);
      if ((c == '与' || c == '及')
          && (item.startsWith("各", i + 1)
              || item.startsWith("有关", i + 1)
              || item.startsWith("部门", i - 2)
              || item.startsWith("单位", i - 2))) {
        return i;
      }
    }
    return -1;
  }

  /** "各开发区" names no body: it shares the body word of the unit after it, so the two are one set. */
  private static List<String> joinIncompleteCollectives(List<String> items) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i);
      while (item.startsWith("各") && !endsLikeBody(item) && i + 1 < items.size()) {
        item = item + "、" + items.get(++i);
      }
      out.add(item);
    }
    return out;
  }

  private static String levelPrefix(String name) {
    if (name.length() > 2
        && "市区省县".indexOf(name.charAt(0)) >= 0
        && !name.startsWith("市场")
        && !name.startsWith("区域")) {
      return name.substring(0, 1);
    }
    return null;
  }

  private static boolean takesPrefix(String item) {
    return levelPrefix(item) == null
        && !isCollective(item)
        && !PLACE_NAMED.matcher(outsideBrackets(item)).find()
        && !item.startsWith("中国")
        && !item.startsWith("国家")
        && !item.startsWith("中共");
  }

  private static boolean endsLikeBody(String name) {
    String outer = outsideBrackets(name);
    return !outer.isEmpty() && BODY_ENDINGS.indexOf(outer.charAt(outer.length() - 1)) >= 0;
  }

  private static void check(UnitName unit, String list) throws UnreadableUnitsException {
    String name = unit.name();
    if (name.isEmpty()) {
      throw new UnreadableUnitsException("an empty unit name in '" + withoutSpaces(list) + "'");
    }
    if (name.length() > 40
        || name.matches(".*[。::!?!?\"“”].*")
        || !name.matches(".*\\p{IsHan}.*")) {
      throw new UnreadableUnitsException("'" + name + "' does not read as a unit name");
    }
    if (!unit.collective() && !endsLikeBody(name)) {
      throw new UnreadableUnitsException(
          "'" + name + "' does not end like the name of a government body");
    }
  }

  static String normaliseBrackets(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      if (OPEN.indexOf(c) >= 0) {
        b.append('(');
      } else if (CLOSE.indexOf(c) >= 0) {
        b.append(')');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  static String outsideBrackets(String name) {
    StringBuilder b = new StringBuilder();
    int depth = 0;
    for (char c : name.toCharArray()) {
      if (OPEN.indexOf(c) >= 0) {
        depth++;
      } else if (CLOSE.indexOf(c) >= 0) {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String withoutSpaces(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (!PlanDocument.isSpace(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
