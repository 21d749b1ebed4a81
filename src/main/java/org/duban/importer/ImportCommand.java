package org.duban.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.duban.catalog.CatalogException;
import org.duban.catalog.CatalogReader;
import org.duban.catalog.PlanCatalog;

/**
 * {@code import <file> [--base <catalog.yaml>] [--out <draft.yaml> [--force]]}: prints the catalog
 * YAML of a plan document on stdout, or writes it to the {@code --out} file, which must not exist
 * yet unless {@code --force} is given (so a reviewed catalog is never replaced by accident); its
 * problems, with line numbers, go to stderr. With a base catalog (the plan's reviewed catalog)
 * everything the base has is kept as it is, down to its header comments; what only the document has
 * (a new task, its new units) is added, and each addition, each task the document no longer has and
 * each value the two disagree on is a warning on stderr and a review note in the draft. A document
 * with recognisable tasks always gives a draft: what it does not say (period, city, office, a
 * task's units) is a placeholder or left out, with a warning, and the draft says why it cannot be
 * deployed yet. Exit code 0 when a draft was written (also with warnings), 1 if there is nothing to
 * draft (no tasks, an empty or unreadable file) or the output cannot be written, 2 on wrong usage.
 */
public final class ImportCommand {

  private static final String USAGE =
      "usage: import <plan document.txt> [--base <existing catalog.yaml>] [--out <draft.yaml> [--force]]";

  private ImportCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 2 || !"import".equals(args[0]) || args[1].startsWith("--")) {
      err.println(USAGE);
      return 2;
    }
    Path file = Path.of(args[1]);
    String basePath = null;
    Path outPath = null;
    boolean force = false;
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--base" -> {
          if (i + 1 >= args.length || basePath != null) {
            err.println(USAGE);
            return 2;
          }
          basePath = args[++i];
        }
        case "--out" -> {
          if (i + 1 >= args.length || outPath != null) {
            err.println(USAGE);
            return 2;
          }
          outPath = Path.of(args[++i]);
        }
        case "--force" -> force = true;
        default -> {
          err.println(USAGE);
          return 2;
        }
      }
    }
    if (force && outPath == null) {
      err.println(USAGE);
      return 2;
    }
    if (outPath != null && !force && Files.exists(outPath)) {
      err.println(
          outPath
              + ": exists, not overwritten (add --force to replace it, or choose another --out file)");
      return 1;
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println(file + ": cannot read: " + e.getMessage());
      return 1;
    }
    PlanCatalog base = null;
    List<String> baseHeader = List.of();
    if (basePath != null) {
      try {
        String baseText = Files.readString(Path.of(basePath), StandardCharsets.UTF_8);
        base = new CatalogReader().read(basePath, baseText);
        baseHeader = CatalogYamlWriter.leadingComments(baseText);
      } catch (IOException e) {
        err.println(basePath + ": cannot read: " + e.getMessage());
        return 1;
      } catch (CatalogException e) {
        err.println(e.getMessage());
        return 1;
      }
    }
    String source = file.getFileName().toString();
    ImportResult result = new PlanImporter().importText(source, text);
    result.problems().forEach(p -> err.println(p.format(source)));
    if (result.hasErrors()) {
      err.println(source + ": not imported: " + result.errors().size() + " error(s)");
      return 1;
    }
    CatalogDraft draft = CatalogDraft.of(result, base).withHeader(baseHeader);
    draft.baseNotes().forEach(p -> err.println(p.format(source)));
    String yaml = new CatalogYamlWriter().write(draft);
    String drafted = source + " (imported catalog)";
    try {
      PlanCatalog written = new CatalogReader().readDraft(drafted, yaml);
      if (!written.equals(draft.catalog())) {
        // the writer lost or changed something: a reviewer must never get a draft that says less
        // than the base
        err.println("the imported catalog does not read back as drafted; nothing written");
        return 1;
      }
    } catch (CatalogException e) {
      err.println("the imported catalog does not load: " + e.getMessage());
      return 1;
    }
    String undeployable = Drafts.whyNotDeployable(drafted, yaml);
    if (undeployable != null) {
      err.println(source + ": warning: the draft cannot be deployed as it is: " + undeployable);
    }
    if (outPath == null) {
      out.print(yaml);
    } else {
      try {
        if (force) {
          Files.writeString(outPath, yaml, StandardCharsets.UTF_8);
        } else {
          // CREATE_NEW: a file that appeared since the check above is not replaced either
          Files.writeString(outPath, yaml, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        }
      } catch (FileAlreadyExistsException e) {
        err.println(
            outPath
                + ": exists, not overwritten (add --force to replace it, or choose another --out file)");
        return 1;
      } catch (IOException e) {
        err.println(outPath + ": cannot write: " + e.getMessage());
        return 1;
      }
      err.println("wrote " + outPath);
    }
    err.println(
        source + ": " + result.tasks().size() + " tasks, responsibility " + result.policy());
    if (base != null) {
      err.println(
          basePath
              + ": kept as reviewed; the draft has "
              + draft.catalog().tasks().size()
              + " tasks and "
              + draft.catalog().units().size()
              + " units, "
              + draft.baseNotes().size()
              + " note(s) to review");
    }
    return 0;
  }
}
