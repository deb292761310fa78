/**
 * The built-in utilities, one small class per tool (or tight family), each printing byte for byte
 * what GNU coreutils, findutils, attr or tree print on Linux; the coreutils differential suite
 * holds them to that. {@link dev.layerlab.shell.util.Utilities#registerAll} names them.
 */
package dev.layerlab.shell.util;
