package dev.layerlab.shell.util;

import dev.layerlab.shell.Programs;

/** Registers every built-in utility under the names it answers to. */
public final class Utilities {
  private Utilities() {}

  public static void registerAll(Programs programs) {
    programs.register("echo", new Echo());
    programs.register("nano", new Nano());
    programs.register("vi", new Nano());
    programs.register("printf", new Printf());
    TestCommand test = new TestCommand();
    programs.register("test", test);
    programs.register("[", test);
    programs.register("true", Simple::trueProgram);
    programs.register("false", Simple::falseProgram);
    programs.register("pwd", Simple::pwd);
    programs.register("clear", Simple::clear);
    programs.register("sleep", Simple::sleep);
    programs.register("ls", new Ls());
    programs.register("cat", new Cat());
    programs.register("touch", new Touch());
    programs.register("mkdir", new Mkdir());
    programs.register("rm", new Rm());
    programs.register("rmdir", new Rmdir());
    programs.register("cp", new Cp());
    programs.register("mv", new Mv());
    programs.register("ln", new Ln());
    programs.register("chmod", new Chmod());
    programs.register("chown", new Chown());
    programs.register("chgrp", new Chown());
    programs.register("stat", new StatCommand());
    programs.register("find", new Find());
    programs.register("getfattr", new Getfattr());
    programs.register("setfattr", new Setfattr());
    programs.register("head", new HeadTail(true));
    programs.register("tail", new HeadTail(false));
    programs.register("wc", new Wc());
    programs.register("grep", new Grep());
    programs.register("sort", new Sort());
    programs.register("uniq", new Uniq());
    programs.register("basename", Names::basename);
    programs.register("dirname", Names::dirname);
    programs.register("readlink", Names::readlink);
    programs.register("realpath", Names::readlink);
    programs.register("env", Info::env);
    programs.register("id", Info::id);
    programs.register("hostname", Info::hostname);
    programs.register("uname", Info::uname);
    programs.register("which", Info::which);
    programs.register("mount", Info::mount);
    programs.register("truncate", new Truncate());
    programs.register("du", new Du());
    programs.register("df", new Df());
    programs.register("tree", new Tree());
    programs.register("diff", new Diff());
    programs.register("cut", new Cut());
    programs.register("tee", Streams::tee);
    programs.register("tr", Streams::tr);
    programs.register("xargs", Streams::xargs);
    programs.register("date", Streams::date);
    programs.register("sed", new Sed());
    programs.register("awk", new dev.layerlab.shell.util.awk.Awk());
    programs.register("mawk", new dev.layerlab.shell.util.awk.Awk());
  }
}
