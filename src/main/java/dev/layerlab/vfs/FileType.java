package dev.layerlab.vfs;

/** The kinds of inode Linux has, with the letters {@code ls -l} and {@code find -type} use. */
public enum FileType {
  REGULAR('-', 'f', 0100000, "regular file"),
  DIRECTORY('d', 'd', 0040000, "directory"),
  SYMLINK('l', 'l', 0120000, "symbolic link"),
  CHAR_DEVICE('c', 'c', 0020000, "character special file"),
  BLOCK_DEVICE('b', 'b', 0060000, "block special file"),
  FIFO('p', 'p', 0010000, "fifo"),
  SOCKET('s', 's', 0140000, "socket");

  private final char lsChar;
  private final char findChar;
  private final int formatBits;
  private final String statName;

  FileType(char lsChar, char findChar, int formatBits, String statName) {
    this.lsChar = lsChar;
    this.findChar = findChar;
    this.formatBits = formatBits;
    this.statName = statName;
  }

  /** The first character of {@code ls -l}'s mode column. */
  public char lsChar() {
    return lsChar;
  }

  /** The letter {@code find -type} and {@code find -printf %y} use. */
  public char findChar() {
    return findChar;
  }

  /** The S_IFMT bits of st_mode. */
  public int formatBits() {
    return formatBits;
  }

  /** The name {@code stat -c %F} prints (an empty regular file is special-cased by stat). */
  public String statName() {
    return statName;
  }

  public boolean isDevice() {
    return this == CHAR_DEVICE || this == BLOCK_DEVICE;
  }
}
