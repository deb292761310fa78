package dev.layerlab.engine.build;

import dev.layerlab.image.ContainerConfig.HealthConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * HEALTHCHECK: {@code NONE}, or flags then {@code CMD} in either form. Its history text is Go's
 * {@code %q} of the HealthConfig pointer, quirks and all: {@code &{["CMD-SHELL" "x"] "30s" "0s" "0s" '\x00'}};
 * the settings themselves go into the config's {@code Healthcheck}, which {@code docker run} and
 * {@code docker inspect} read.
 */
final class Healthcheck {
  private Healthcheck() {}

  static void dispatch(BuildRun run, Stage s, Instruction ins) {
    String rest = ins.args().strip();
    String[] kw = rest.split("[ \t]+", 2);
    List<String> test;
    if (kw[0].equalsIgnoreCase("NONE")) {
      if (kw.length > 1 || !ins.flags().isEmpty()) {
        throw BuildException.parse(ins.line(), "HEALTHCHECK NONE takes no arguments");
      }
      test = List.of("NONE");
    } else if (kw[0].equalsIgnoreCase("CMD")) {
      String cmd = kw.length > 1 ? kw[1].strip() : "";
      List<String> json = cmd.startsWith("[") ? jsonArray(cmd) : null;
      test = new ArrayList<>();
      if (json != null) {
        test.add("CMD");
        test.addAll(json);
      } else {
        test.add("CMD-SHELL");
        test.add(cmd);
      }
    } else {
      throw BuildException.parse(ins.line(), "Unknown type \"" + kw[0] + "\" in HEALTHCHECK (try CMD)");
    }
    long interval = duration(ins, "interval");
    long timeout = duration(ins, "timeout");
    long start = duration(ins, "start-period");
    int retries = 0;
    if (ins.flag("retries") != null) {
      try {
        retries = Integer.parseInt(ins.flag("retries"));
      } catch (NumberFormatException e) {
        throw BuildException.parse(ins.line(), "strconv.ParseInt: parsing \"" + ins.flag("retries")
            + "\": invalid syntax");
      }
    }
    HealthConfig previous = s.config.healthcheck();
    if (previous != null && previous.test() != null && !previous.test().isEmpty()
        && !previous.test().get(0).equals("NONE")) {
      run.out.print("Note: overriding previous HEALTHCHECK: " + GoFormat.plain(previous.test()) + "\n");
    }
    s.config = s.config.withHealthcheck(new HealthConfig(test, interval, timeout, start, retries));
    String text = "HEALTHCHECK &{" + GoFormat.quote(test) + " " + GoFormat.quote(GoFormat.duration(interval)) + " "
        + GoFormat.quote(GoFormat.duration(timeout)) + " " + GoFormat.quote(GoFormat.duration(start)) + " "
        + GoFormat.quoteRune(retries) + "}";
    run.commitConfig(s, text);
  }

  private static long duration(Instruction ins, String flag) {
    String v = ins.flag(flag);
    if (v == null || v.isEmpty()) {
      return 0;
    }
    long d = GoFormat.parseDuration(v);
    if (d < 0) {
      throw BuildException.parse(ins.line(), "time: invalid duration " + v);
    }
    return d;
  }

  private static List<String> jsonArray(String text) {
    try {
      var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
      if (!n.isArray()) {
        return null;
      }
      List<String> out = new ArrayList<>();
      n.forEach(e -> out.add(e.asText()));
      return out;
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
