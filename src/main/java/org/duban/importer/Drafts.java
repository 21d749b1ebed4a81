package org.duban.importer;

import org.duban.catalog.CatalogException;
import org.duban.catalog.CatalogReader;

/** What a draft still lacks before it can be deployed. */
public final class Drafts {

  private Drafts() {}

  /**
   * Null if the draft would deploy as it is; otherwise the first thing the catalog rules refuse
   * (file, line, field and message), e.g. a placeholder or a task without units.
   */
  public static String whyNotDeployable(String file, String yaml) {
    try {
      new CatalogReader().read(file, yaml);
      return null;
    } catch (CatalogException e) {
      return e.getMessage();
    }
  }
}
