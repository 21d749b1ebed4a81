package org.duban.round;

/** The round scenarios on the embedded default database. */
class H2RoundScenarioTest extends RoundScenarios {}
