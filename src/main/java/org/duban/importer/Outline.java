package org.duban.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The numbered structure of a plan document. A marker is read as structure only if it fits: the
 * next number at an open level, 1 at a new level, or the next number of a series an earlier section
 * began (Jilin and Anshan number their sections straight through). Anything else stays text. A
 * canonical "一、" after the document is under way starts a second pass: scraped pages that carry the
 * whole text twice (Anshan).
 */
final class Outline {

  private static final Pattern SIGNATURE_DATE = Pattern.compile("^\\d{4}年\\d{1,2}月\\d{1,2}日$");

  /** The issuing office signing under the text ("舟山市知识产权工作领导小组办公室"): not a task's text. */
  private static final Pattern SIGNATURE =
      Pattern.compile(
          "^\\p{IsHan}{2,25}(人民政府|人民政府办公室|人民政府办公厅|领导小组办公室|联席会议办公室)"
              + "(\\s*\\d{4}年\\d{1,2}月\\d{1,2}日)?$");

  private static final Pattern DOCUMENT_NUMBER = Pattern.compile("^\\S{1,6}〔\\d{4}〕\\d+号$");

  /** Lines before the first marker, and the top-level nodes, of one pass over the text. */
  record Pass(List<DocumentLine> preamble, List<OutlineNode> roots) {}

  private final List<Pass> passes = new ArrayList<>();

  private Outline() {}

  List<Pass> passes() {
    return passes;
  }

  static Outline read(PlanDocument document) {
    Outline outline = new Outline();
    new Builder(outline).build(document.lines());
    return outline;
  }

  private static final class Builder {
    private final Outline outline;
    private final List<OutlineNode> stack = new ArrayList<>();
    private final Map<Integer, OutlineMarker> lastAtDepth = new HashMap<>();
    private Pass pass;

    Builder(Outline outline) {
      this.outline = outline;
    }

    void build(List<DocumentLine> lines) {
      startPass();
      for (DocumentLine line : lines) {
        if (PageJunk.isJunk(line.text())
            || SIGNATURE_DATE.matcher(line.text()).matches()
            || SIGNATURE.matcher(line.text()).matches()
            || DOCUMENT_NUMBER.matcher(line.text()).matches()) {
          continue;
        }
        OutlineMarker marker = line.isBlank() ? null : OutlineMarker.parse(line.text());
        if (marker != null && place(marker, line)) {
          continue;
        }
        if (stack.isEmpty()) {
          pass.preamble().add(line);
        } else {
          stack.get(stack.size() - 1).body().add(line);
        }
      }
    }

    private void startPass() {
      pass = new Pass(new ArrayList<>(), new ArrayList<>());
      outline.passes.add(pass);
      stack.clear();
      lastAtDepth.clear();
    }

    /** Places the marker in the structure; false if it does not fit and is therefore text. */
    private boolean place(OutlineMarker marker, DocumentLine line) {
      for (int k = stack.size() - 1; k >= 0; k--) {
        OutlineMarker open = stack.get(k).marker();
        if (open.shape() != marker.shape()) {
          continue;
        }
        if (marker.value() == open.value() + 1) {
          push(marker, line, k, false);
          return true;
        }
        if (k == 0 && marker.isCanonicalPartStart()) {
          dropRepeatedHeader();
          startPass();
          push(marker, line, 0, false);
          return true;
        }
        return false;
      }
      int depth = stack.size();
      // the first marker of a text may start anywhere (an excerpt that begins at 三、)
      if (marker.value() == 1 || pass.roots().isEmpty()) {
        push(marker, line, depth, false);
        return true;
      }
      OutlineMarker last = lastAtDepth.get(depth);
      if (last != null && last.shape() == marker.shape() && marker.value() == last.value() + 1) {
        push(marker, line, depth, true);
        return true;
      }
      return false;
    }

    private void push(OutlineMarker marker, DocumentLine line, int depth, boolean continues) {
      while (stack.size() > depth) {
        stack.remove(stack.size() - 1);
      }
      OutlineNode parent = depth == 0 ? null : stack.get(depth - 1);
      OutlineNode node = new OutlineNode(marker, line, parent, depth, continues);
      if (parent == null) {
        pass.roots().add(node);
      } else {
        parent.children().add(node);
      }
      stack.add(node);
      lastAtDepth.put(depth, marker);
    }

    /**
     * The second copy of a page repeats the document header before its "一、"; those lines were taken
     * as the last item's text. Cut that item's text where the first preamble line recurs.
     */
    private void dropRepeatedHeader() {
      if (stack.isEmpty()) {
        return;
      }
      StringBuilder header = new StringBuilder();
      for (DocumentLine l : outline.passes.get(0).preamble()) {
        header.append(l.text());
      }
      List<DocumentLine> body = stack.get(stack.size() - 1).body();
      for (int i = 0; i < body.size(); i++) {
        String text = body.get(i).text();
        // the copy may wrap its header differently: a line that is a piece of the header counts
        if (text.length() >= 6 && header.indexOf(text) >= 0) {
          body.subList(i, body.size()).clear();
          return;
        }
      }
    }
  }
}
