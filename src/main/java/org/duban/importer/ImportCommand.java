package org.duban.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.duban.catalog.CatalogException;
import org.duban.catalog.CatalogReader;
import org.duban.catalog.PlanCatalog;

/**
 * {@code import <file> [--base <catalog.yaml>]}: prints the catalog YAML of a plan document on stdout
 * and its problems, with line numbers, on stderr. With a base catalog, stored unit ids, reviewed plan
 * facts and promoted measures are kept. Exit code 0 on success, 1 if the document cannot be imported,
 * 2 on wrong usage.
 */
public final class ImportCommand {

  private static final String USAGE = "usage: import <plan document.txt> [--base <existing catalog.yaml>]";

  private ImportCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 2 || !"import".equals(args[0]) || (args.length != 2 && !(args.length == 4 && "--base".equals(args[2])))) {
      err.println(USAGE);
      return 2;
    }
    Path file = Path.of(args[1]);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println(file + ": cannot read: " + e.getMessage());
      return 1;
    }
    PlanCatalog base = null;
    if (args.length == 4) {
      try {
        base = new CatalogReader().read(args[3], Files.readString(Path.of(args[3]), StandardCharsets.UTF_8));
      } catch (IOException e) {
        err.println(args[3] + ": cannot read: " + e.getMessage());
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
    String yaml = new CatalogYamlWriter().write(result, base);
    try {
      new CatalogReader().read(source + " (imported catalog)", yaml);
    } catch (CatalogException e) {
      err.println("the imported catalog does not load: " + e.getMessage());
      return 1;
    }
    out.print(yaml);
    err.println(source + ": " + result.tasks().size() + " tasks, responsibility " + result.policy());
    return 0;
  }
}
