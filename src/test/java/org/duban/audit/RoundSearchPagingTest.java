package org.duban.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.identity.UnitDirectory;
import org.duban.round.RoundFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The audit search pages in the database, newest first, with every filter applied before the page
 * is cut: the oldest of five rounds is the fifth of pages of one, and a search by unit and year
 * finds it however many newer rounds of that unit there are (the search used to read the newest
 * 2,000 rounds and check the unit afterwards, so an older round of a unit went unseen).
 */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext
class RoundSearchPagingTest {

  @Autowired ProcessEngine engine;
  @Autowired RoundSearch search;
  @Autowired IdentityService identity;
  final List<String> byYear = new ArrayList<>();

  @BeforeEach
  void openFiveYearsOfRounds() {
    RoundFixture rounds = new RoundFixture(engine);
    for (int year = 2021; year <= 2025; year++) {
      ClockUtil.setCurrentTime(RoundFixture.at(year, 1, 2));
      byYear.add(rounds.start(year).getId());
    }
    ClockUtil.reset();
    identity.setAuthentication("auditor-1", List.of(UnitDirectory.AUDITORS));
  }

  @AfterEach
  void clear() {
    identity.clearAuthentication();
    new RoundFixture(engine).clear();
  }

  @Test
  void shouldPageNewestFirstWithTheFiltersAppliedInTheDatabase() {
    RoundFilter police =
        new RoundFilter(RoundFixture.PLAN, null, null, RoundFixture.POLICE, null, null, null);
    List<String> pages = new ArrayList<>();
    for (int first = 0; first < 6; first += 2) {
      search.find(police, first, 2).forEach(r -> pages.add(r.processInstanceId()));
    }
    List<String> newestFirst = new ArrayList<>(byYear);
    java.util.Collections.reverse(newestFirst);
    assertThat(pages).containsExactlyElementsOf(newestFirst);
    assertThat(search.find(police, 4, 1))
        .extracting(RoundSummary::processInstanceId)
        .containsExactly(byYear.get(0));
    assertThat(
            search.find(
                new RoundFilter(null, null, 2021, RoundFixture.POLICE, null, null, null), 0, 1))
        .extracting(RoundSummary::processInstanceId)
        .containsExactly(byYear.get(0));
    assertThat(search.find(new RoundFilter(null, null, null, "no-such-unit", null, null, null)))
        .isEmpty();
    assertThatThrownBy(() -> search.find(police, 0, RoundSearch.MAX_ROUNDS + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldFindNothingForAUnitLogin() {
    identity.setAuthentication(RoundFixture.POLICE, List.of(RoundFixture.POLICE));
    assertThat(search.find(new RoundFilter(null, null, null, null, null, null, null))).isEmpty();
  }
}
