package dev.layerlab.image;

import static dev.layerlab.image.Catalog.t;

import java.time.Instant;
import java.util.List;

/**
 * {@code layerlab/hello}: a small application image built FROM ubuntu:18.04, so pulling it after
 * ubuntu:18.04 finds its five bottom layers already there. Its Dockerfile:
 * <pre>
 * FROM ubuntu:18.04
 * RUN mkdir -p /app &amp;&amp; echo 'Hello from layerlab' &gt; /app/message.txt
 * COPY hello.sh /app/hello.sh
 * WORKDIR /app
 * CMD ["/app/hello.sh"]
 * </pre>
 */
final class HelloApp {
  private HelloApp() {}

  static final String RUN = "mkdir -p /app && echo 'Hello from layerlab' > /app/message.txt";

  static Image build(Image base) {
    Instant run = t("2018-08-25T09:12:31.204911377Z");
    Instant copy = t("2018-08-25T09:12:33.581337245Z");
    LayerTree merged = LayerTree.empty();
    LayerTree runLayer = new RunDiff(merged, run.getEpochSecond()).mkdir("/app", 0755)
        .write("/app/message.txt", 0644, Content.text("Hello from layerlab\n")).build();
    LayerTree copyLayer = new RunDiff(runLayer, copy.getEpochSecond())
        .write("/app/hello.sh", 0755, Content.text("#!/bin/sh\ncat /app/message.txt\n")).build();
    return ImageBuild.from(base, "layerlab/hello", "18.06.1-ce")
        .run(RUN, runLayer, run)
        .add("COPY", "hello.sh", "/app/hello.sh", copyLayer, copy)
        .workdir("/app", t("2018-08-25T09:12:34.110243587Z"))
        .cmd(List.of("/app/hello.sh"), t("2018-08-25T09:12:34.693105824Z"))
        .build("layerlab/hello", List.of("latest", "1.0"), false);
  }
}
