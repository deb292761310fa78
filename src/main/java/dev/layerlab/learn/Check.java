package dev.layerlab.learn;

import java.util.regex.Pattern;

/**
 * One declarative check of a lesson step: something the learner typed or saw, or a fact of the
 * simulated host. Checks only read; a lesson file can never make layerlab run anything.
 */
public sealed interface Check {

  /** A line typed during the step matches (anywhere in the line). */
  record Typed(Pattern pattern) implements Check {}

  /** The output of a command run during the step matches. */
  record Output(Pattern pattern) implements Check {}

  /** {@code :answer WORD} was given during the step (case does not matter). */
  record Answer(String word) implements Check {}

  /** An image is present ({@code present}) or absent. */
  record ImagePresent(String ref, boolean present) implements Check {}

  /** An image has exactly {@code count} filesystem layers. */
  record LayerCount(String ref, int count) implements Check {}

  /** At least one container in {@code state} (running, exited, created or any), of {@code image} if given. */
  record ContainerIn(String state, String image) implements Check {}

  /** No container in {@code state} (any: none at all). */
  record NoContainer(String state) implements Check {}

  /** The learner's shell is inside a container ({@code inside}) or on the host. */
  record Inside(boolean inside) implements Check {}

  /**
   * A path, looked at in one place: {@code upper CONTAINER}, {@code merged CONTAINER},
   * {@code layer IMAGE N} or {@code host}; {@code is} is exists, missing, file, dir, whiteout,
   * opaque, or {@code contains} with {@code text}.
   */
  record PathIs(String where, String owner, int layer, String path, String is, String text) implements Check {}
}
