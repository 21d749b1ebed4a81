package org.duban.importer;

/** A unit list that cannot be read without guessing; the importer reports it with its line. */
class UnreadableUnitsException extends Exception {

  UnreadableUnitsException(String message) {
    super(message);
  }

  /** The same, once the line of the list is known. */
  static final class AtLine extends Exception {
    private final int line;

    AtLine(int line, String message) {
      super(message);
      this.line = line;
    }

    int line() {
      return line;
    }
  }
}
