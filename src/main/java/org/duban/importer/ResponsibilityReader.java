package org.duban.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the responsibility notation of one task and returns the task's text without it. Reads: a
 * "责任单位:" line (its list may run on over the next lines), and parentheticals "(责任单位:…)",
 * "(…按职责分工负责)", "(X牵头)", "(X牵头,Y配合)", "(A、B负责)", "(X会同有关部门负责)" and "牵头单位:X;配合单位:Y、Z". A
 * parenthetical may be broken across lines and contain brackets of its own.
 */
final class ResponsibilityReader {

  private static final Pattern LIST_LABEL = Pattern.compile("^(责任单位|责任部门|负责单位|主责单位|牵头单位|牵头部门)[::]");

  /** "配合单位:Y、Z" on a line of its own, after the lead's line. */
  private static final Pattern CO_LABEL = Pattern.compile("^(配合单位|配合部门|协办单位|参与单位|协同单位)[::]");

  private static final Pattern LEAD_AND_CO =
      Pattern.compile(
          "^(?:牵头单位|牵头部门)[::](.+?)[;;,,]?(?:配合单位|配合部门|协办单位|参与单位|协同单位|责任单位|责任部门)[::](.+)$");
  private static final Pattern LEAD_WITH_OTHERS =
      Pattern.compile("^(.+?)(?:会同|联合)(?:有关|相关|其他)(?:部门|单位)(?:共同)?负责$");
  private static final Pattern LEAD_THEN_CO =
      Pattern.compile("^(.+?)牵头[,,;;](.+?)(?:配合|参与|协助|协同|共同负责|负责)$");
  private static final Pattern JOINT = Pattern.compile("^(.+?)(?:按照?职责分工负责|按职责分工落实|按职责负责|分工负责)$");

  /** What only ends a name, so a line starting with it goes on the name above ("市政府办" / "公室"). */
  private static final Pattern NAME_TAIL =
      Pattern.compile("^(公室|员会|委员会|管理局|管理委员会|中心|分局|支行|局[、,,;;))]|局$|厅|室[、,,;;))]|室$)");

  private static final String OPEN = "((";
  private static final String CLOSE = "))";

  /** The notation found (or {@link Responsibility#NONE}) and the task's lines without it. */
  record Reading(Responsibility responsibility, List<DocumentLine> text) {}

  private final List<DocumentLine> lines;
  private final StringBuilder joined = new StringBuilder();
  private final List<Integer> lineStarts = new ArrayList<>();
  private final List<int[]> removed = new ArrayList<>();
  private final Map<String, UnitName> units = new LinkedHashMap<>();
  private Responsibility.Kind kind;
  private boolean othersUnnamed;
  private int firstLine;

  private ResponsibilityReader(List<DocumentLine> lines) {
    this.lines = lines;
    for (DocumentLine line : lines) {
      lineStarts.add(joined.length());
      joined.append(line.text()).append('\n');
    }
  }

  static Reading read(List<DocumentLine> taskLines) throws UnreadableUnitsException.AtLine {
    ResponsibilityReader reader = new ResponsibilityReader(taskLines);
    reader.readLabelledLines();
    reader.readParentheticals();
    Responsibility found =
        reader.kind == null
            ? Responsibility.NONE
            : new Responsibility(
                reader.kind,
                List.copyOf(reader.units.values()),
                reader.othersUnnamed,
                reader.firstLine);
    return new Reading(found, reader.remainingText());
  }

  /** "责任单位:A、B" on a line of its own, continued over following lines until a sentence starts. */
  private void readLabelledLines() throws UnreadableUnitsException.AtLine {
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).text();
      if (!LIST_LABEL.matcher(text).find() && !CO_LABEL.matcher(text).find()) {
        continue;
      }
      StringBuilder list = new StringBuilder(text);
      int last = i;
      while (last + 1 < lines.size()
          && !lines.get(last + 1).isBlank()
          && !lines.get(last + 1).text().contains("。")
          && !LIST_LABEL.matcher(lines.get(last + 1).text()).find()
          && !CO_LABEL.matcher(lines.get(last + 1).text()).find()) {
        last++;
        appendBroken(list, lines.get(last).text());
      }
      int from = lineStarts.get(i);
      int to = lineStarts.get(last) + lines.get(last).text().length();
      interpret(list.toString(), lines.get(i).number());
      removed.add(new int[] {from, to});
      i = last;
    }
  }

  private void readParentheticals() throws UnreadableUnitsException.AtLine {
    int i = 0;
    while (i < joined.length()) {
      if (OPEN.indexOf(joined.charAt(i)) < 0 || isRemoved(i)) {
        i++;
        continue;
      }
      int close = matchingClose(i);
      if (close < 0) {
        String rest = joined.substring(i + 1);
        if (LIST_LABEL.matcher(rest).find() || rest.contains("负责")) {
          throw new UnreadableUnitsException.AtLine(
              lineOf(i), "the unit list opened here is never closed");
        }
        i++;
        continue;
      }
      String content = joinBrokenLines(joined.substring(i + 1, close));
      if (!content.contains("。") && interpret(content, lineOf(i))) {
        removed.add(new int[] {i, close + 1});
        i = close + 1;
      } else {
        i++;
      }
    }
  }

  /** Reads one notation's content; false if it is not a notation at all (e.g. "(洛龙片区)"). */
  private boolean interpret(String content, int line) throws UnreadableUnitsException.AtLine {
    try {
      Matcher m;
      if ((m = LEAD_AND_CO.matcher(content)).matches()) {
        add(Responsibility.Kind.LEAD_AND_CO, m.group(1), line);
        add(Responsibility.Kind.LEAD_AND_CO, m.group(2), line);
        return true;
      }
      if ((m = CO_LABEL.matcher(content)).find()) {
        add(Responsibility.Kind.LEAD_AND_CO, content.substring(m.end()), line);
        return true;
      }
      if ((m = LIST_LABEL.matcher(content)).find()) {
        String rest = content.substring(m.end());
        Matcher roles = LEAD_THEN_CO.matcher(rest);
        if (roles.matches()) { // "责任单位:X牵头,Y、Z配合"
          add(Responsibility.Kind.LEAD_AND_CO, roles.group(1), line);
          add(Responsibility.Kind.LEAD_AND_CO, roles.group(2), line);
          return true;
        }
        add(Responsibility.Kind.LIST, rest, line);
        return true;
      }
      if ((m = LEAD_WITH_OTHERS.matcher(content)).matches()) {
        add(Responsibility.Kind.LEAD_ONLY, m.group(1), line);
        othersUnnamed = true;
        return true;
      }
      if ((m = JOINT.matcher(content)).matches()) {
        add(Responsibility.Kind.JOINT, m.group(1), line);
        return true;
      }
      if ((m = LEAD_THEN_CO.matcher(content)).matches()) {
        add(Responsibility.Kind.LEAD_AND_CO, m.group(1), line);
        add(Responsibility.Kind.LEAD_AND_CO, m.group(2), line);
        return true;
      }
      if (content.endsWith("牵头") && content.length() > 2) {
        add(Responsibility.Kind.LEAD_ONLY, content.substring(0, content.length() - 2), line);
        return true;
      }
      if (content.endsWith("负责") && content.length() > 2) {
        add(Responsibility.Kind.LIST, content.substring(0, content.length() - 2), line);
        return true;
      }
      return false;
    } catch (UnreadableUnitsException e) {
      throw new UnreadableUnitsException.AtLine(line, e.getMessage());
    }
  }

  private void add(Responsibility.Kind found, String list, int line)
      throws UnreadableUnitsException {
    UnitListParser.Parsed parsed = UnitListParser.parse(list);
    if (kind == null) {
      kind = found;
      firstLine = line;
    } else if (kind == Responsibility.Kind.LEAD_ONLY) {
      kind = Responsibility.Kind.LEAD_AND_CO; // a second notation adds co-units to a named lead
    }
    othersUnnamed |= parsed.othersUnnamed();
    for (UnitName unit : parsed.units()) {
      units.putIfAbsent(unit.name(), unit);
    }
  }

  private int matchingClose(int open) {
    int depth = 0;
    for (int j = open; j < joined.length(); j++) {
      char c = joined.charAt(j);
      if (OPEN.indexOf(c) >= 0) {
        depth++;
      } else if (CLOSE.indexOf(c) >= 0 && --depth == 0) {
        return j;
      }
    }
    return -1;
  }

  /**
   * A list broken over lines: a break right after a body name ("…科技局" / "工信局") separates two units;
   * a break anywhere else ("教育" / "局") is inside one name.
   */
  static String joinBrokenLines(String content) {
    String[] parts = content.split("\n");
    StringBuilder b = new StringBuilder(PlanDocument.trim(parts[0]));
    for (int k = 1; k < parts.length; k++) {
      appendBroken(b, PlanDocument.trim(parts[k]));
    }
    return b.toString();
  }

  private static void appendBroken(StringBuilder list, String next) {
    if (next.isEmpty()) {
      return;
    }
    char last = list.length() == 0 ? '、' : list.charAt(list.length() - 1);
    boolean separated = "、,,;;::".indexOf(last) >= 0 || "、,,;;".indexOf(next.charAt(0)) >= 0;
    // only endings that cannot end a word inside a name (人社局 breaks as "人社" / "局")
    if (!separated
        && "局委办院府部厅室位门关处署".indexOf(last) >= 0
        && !NAME_TAIL.matcher(next).find()
        && !next.startsWith("负责")
        && !next.startsWith("按")
        && !next.startsWith("牵头")) {
      list.append('、');
    }
    list.append(next);
  }

  private boolean isRemoved(int offset) {
    return removed.stream().anyMatch(r -> offset >= r[0] && offset < r[1]);
  }

  private int lineOf(int offset) {
    int index = 0;
    for (int k = 0; k < lineStarts.size(); k++) {
      if (lineStarts.get(k) <= offset) {
        index = k;
      }
    }
    return lines.get(index).number();
  }

  private List<DocumentLine> remainingText() {
    List<DocumentLine> out = new ArrayList<>();
    for (int k = 0; k < lines.size(); k++) {
      DocumentLine line = lines.get(k);
      int start = lineStarts.get(k);
      StringBuilder kept = new StringBuilder();
      for (int j = 0; j < line.text().length(); j++) {
        if (!isRemoved(start + j)) {
          kept.append(line.text().charAt(j));
        }
      }
      String text = PlanDocument.trim(kept.toString());
      if (!text.isEmpty() || line.isBlank()) {
        out.add(new DocumentLine(line.number(), line.original(), text));
      }
    }
    return out;
  }
}
