package dev.layerlab.engine;

import java.util.List;
import java.util.function.Predicate;

/**
 * Container names the way Docker makes them: an adjective and the surname of a notable
 * scientist or engineer, joined by an underscore ({@code focused_meitner}). A name already in use
 * gets a random digit appended, as Docker's retry does.
 */
final class NameGenerator {
  private static final List<String> ADJECTIVES = List.of(
      "adoring", "affectionate", "agitated", "amazing", "angry", "awesome", "blissful", "bold", "brave", "busy",
      "charming", "clever", "cool", "compassionate", "competent", "confident", "cranky", "crazy", "dazzling",
      "determined", "distracted", "dreamy", "eager", "ecstatic", "elastic", "elated", "elegant", "eloquent",
      "epic", "fervent", "festive", "flamboyant", "focused", "friendly", "frosty", "gallant", "gifted", "goofy",
      "gracious", "happy", "hardcore", "heuristic", "hopeful", "hungry", "infallible", "inspiring", "jolly",
      "jovial", "keen", "kind", "laughing", "loving", "lucid", "modest", "musing", "mystifying", "naughty",
      "nervous", "nifty", "nostalgic", "objective", "optimistic", "peaceful", "pedantic", "pensive", "practical",
      "priceless", "quirky", "quizzical", "relaxed", "reverent", "romantic", "sad", "serene", "sharp", "silly",
      "sleepy", "stoic", "stupefied", "suspicious", "tender", "thirsty", "trusting", "unruffled", "upbeat",
      "vibrant", "vigilant", "vigorous", "wizardly", "wonderful", "xenodochial", "youthful", "zealous", "zen");

  private static final List<String> SURNAMES = List.of(
      "agnesi", "albattani", "allen", "almeida", "archimedes", "ardinghelli", "aryabhata", "babbage", "banach",
      "bardeen", "bartik", "bassi", "bell", "bhabha", "bhaskara", "blackwell", "bohr", "booth", "borg", "bose",
      "boyd", "brahmagupta", "brattain", "brown", "burnell", "carson", "cerf", "chandrasekhar", "chaplygin",
      "clarke", "colden", "cori", "cray", "curie", "darwin", "davinci", "dijkstra", "dirac", "einstein", "elion",
      "engelbart", "euclid", "euler", "faraday", "fermat", "fermi", "feynman", "franklin", "galileo", "gauss",
      "goldberg", "goodall", "hamilton", "hawking", "heisenberg", "hermann", "hodgkin", "hoover", "hopper",
      "hypatia", "jackson", "jang", "johnson", "joliot", "kalam", "kepler", "khorana", "kilby", "knuth",
      "kowalevski", "lalande", "lamarr", "leakey", "leavitt", "lovelace", "lumiere", "mayer", "mccarthy",
      "mcclintock", "meitner", "mendel", "mirzakhani", "morse", "napier", "nash", "newton", "nobel", "noether",
      "panini", "pascal", "pasteur", "payne", "perlman", "pike", "poincare", "ptolemy", "raman", "ramanujan",
      "ritchie", "rosalind", "saha", "sammet", "shannon", "shockley", "sinoussi", "stallman", "swanson", "tesla",
      "thompson", "torvalds", "turing", "varahamihira", "visvesvaraya", "volhard", "wescoff", "wiles",
      "williams", "wilson", "wing", "wozniak", "wright", "yalow", "yonath");

  private final RandomIds random;

  NameGenerator(RandomIds random) {
    this.random = random;
  }

  /** A fresh name that {@code taken} does not already hold. */
  String generate(Predicate<String> taken) {
    for (int retry = 0; ; retry++) {
      String name = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "_"
          + SURNAMES.get(random.nextInt(SURNAMES.size()));
      if (retry > 0) {
        name = name + random.nextInt(10);
      }
      if (!taken.test(name)) {
        return name;
      }
    }
  }
}
