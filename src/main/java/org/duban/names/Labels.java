package org.duban.names;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Lists of labels as a sentence names them: "已完成、按计划推进、进度滞后或尚未启动". */
public final class Labels {

  private Labels() {}

  public static <E extends Enum<E>> String either(Class<E> type, Function<E, String> label) {
    List<String> labels = Arrays.stream(type.getEnumConstants()).map(label).toList();
    if (labels.size() < 2) {
      return String.join("", labels);
    }
    return String.join("、", labels.subList(0, labels.size() - 1))
        + "或"
        + labels.get(labels.size() - 1);
  }
}
