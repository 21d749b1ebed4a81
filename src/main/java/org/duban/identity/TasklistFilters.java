package org.duban.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The inbox views every user finds in Tasklist: their unit's work sorted by due date, what is due
 * soon (past its follow-up date) and what is overdue. Expressions make one filter serve every unit.
 */
@Component
public class TasklistFilters {

  private final FilterService filters;
  private final TaskService tasks;

  public TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  /** Creates or updates the shared filters; returns their ids for the READ grant. */
  public List<String> seed() {
    List<String> ids = new ArrayList<>();
    ids.add(save("本单位待办", -10, "本单位(组)的全部待办,按截止日期排序", "#2b6cb0", unitQuery()));
    ids.add(
        save(
            "即将到期",
            -9,
            "已到催办日期、尚未逾期的待办",
            "#d69e2e",
            unitQuery().followUpBeforeExpression("${now()}").dueAfterExpression("${now()}")));
    ids.add(save("已逾期", -8, "已超过截止日期的待办", "#c53030", unitQuery().dueBeforeExpression("${now()}")));
    ids.add(
        save(
            "我认领的",
            -7,
            "由我认领、正在办理的任务",
            "#2f855a",
            tasks
                .createTaskQuery()
                .taskAssigneeExpression("${currentUser()}")
                .orderByDueDate()
                .asc()));
    return ids;
  }

  private TaskQuery unitQuery() {
    return tasks
        .createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks()
        .orderByDueDate()
        .asc();
  }

  private String save(
      String name, int priority, String description, String colour, TaskQuery query) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", colour);
    properties.put("refresh", true);
    properties.put(
        "variables",
        List.of(
            Map.of("name", "unitName", "label", "责任单位"),
            Map.of("name", "year", "label", "年度"),
            Map.of("name", "warning", "label", "预警")));
    filter.setProperties(properties);
    filter.setQuery(query);
    return filters.saveFilter(filter).getId();
  }
}
