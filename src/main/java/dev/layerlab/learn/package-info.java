/**
 * The learning layer: what makes layerlab a laboratory rather than a simulator.
 *
 * <ul>
 *   <li>{@link dev.layerlab.learn.Lab} is the one read-only view of the simulated host every
 *       part uses ({@link dev.layerlab.learn.EngineLab} reads it from the Docker engine).
 *   <li>{@code :explain}: {@link dev.layerlab.learn.Topics} from {@code topics_en.txt} and
 *       {@code topics_zh-CN.txt}, followed by what the learner's own container shows.
 *   <li>Lessons: {@code .lesson} files ({@link dev.layerlab.learn.LessonPack}, a parser that
 *       reports every mistake with its file and line, declarative {@link dev.layerlab.learn.Check}s
 *       that only read the host), run by the {@link dev.layerlab.learn.Tutor}, with
 *       {@link dev.layerlab.learn.Progress} saved atomically.
 *   <li>Watching: the trace of overlay events, {@code :which}, {@code :layers}, {@code :compare}
 *       and the Markdown transcript.
 * </ul>
 *
 * <p>{@link dev.layerlab.learn.Learning} is the facade the REPL talks to; it returns text and never
 * touches a terminal. Arrows point down only: this package reads the engine, the overlay and the
 * shell contract, and the ui package calls it.
 */
package dev.layerlab.learn;
