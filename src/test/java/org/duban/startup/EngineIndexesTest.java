package org.duban.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** On H2 too the application's indexes exist after start-up, and creating them again is a no-op. */
@SpringBootTest
@ActiveProfiles("test")
class EngineIndexesTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired EngineIndexes indexes;

  @Test
  void shouldIndexSubTasksByParent() {
    indexes.create();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from INFORMATION_SCHEMA.INDEXES where INDEX_NAME ="
                    + " 'DUBAN_IDX_TASK_PARENT' and TABLE_NAME = 'ACT_RU_TASK'",
                Integer.class))
        .isEqualTo(1);
  }

  @Test
  void shouldCreateEveryIndexOnce() {
    indexes.create();
    for (EngineIndexes.Index index : EngineIndexes.INDEXES) {
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from INFORMATION_SCHEMA.INDEXES where INDEX_NAME = ? and"
                      + " TABLE_NAME = ?",
                  Integer.class,
                  index.name(),
                  index.table()))
          .as(index.name())
          .isEqualTo(1);
    }
  }
}
