package dev.layerlab.vfs;

/** One name in a directory listing, with the d_type readdir(3) reports and the inode number. */
public record DirEntry(String name, FileType type, long ino) {}
