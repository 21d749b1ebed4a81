package org.duban.audit;

import java.util.List;

/**
 * What an export holds: the rounds' dossiers, when and by whom they were exported, and the zone
 * their times are in.
 */
public record DossierExport(
    String title, String generatedAt, String exportedBy, String zone, List<RoundDossier> rounds) {}
