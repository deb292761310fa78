package dev.layerlab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerlab.image.Digest;
import dev.layerlab.image.ImageConfig;
import dev.layerlab.image.ImageFormatException;
import dev.layerlab.image.LayerBlob;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code docker save} and {@code docker load}: the docker-archive layout of Docker 18.06 (one
 * {@code <v1id>/} directory per layer with {@code layer.tar}, {@code json}, {@code VERSION}; the
 * config as {@code <id>.json}; {@code manifest.json}; {@code repositories}), and on load also OCI
 * image layouts ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/}).
 */
final class ImageArchive {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A layer's bytes and diffID, read back from an archive. */
  record LoadedImage(byte[] config, List<LayerBlob> layers, List<String> repoTags) {}

  private ImageArchive() {}

  /** One image to save: its config, layers' blobs (bottom first) and names. */
  record Saved(ImageRecord image, List<byte[]> layerTars, List<Digest> chainIds, List<String> repoTags) {}

  static byte[] save(List<Saved> images) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      List<Object> manifest = new ArrayList<>();
      Map<String, Map<String, String>> repositories = new TreeMap<>();
      java.util.Set<String> written = new java.util.HashSet<>();
      for (Saved s : images) {
        Instant created = Instant.parse(s.image().config().created());
        String parentV1 = null;
        List<String> layerPaths = new ArrayList<>();
        for (int i = 0; i < s.layerTars().size(); i++) {
          String v1 = v1Id(s.chainIds().get(i), parentV1);
          if (written.add(v1)) {
            dir(tar, v1 + "/", created);
            file(tar, v1 + "/VERSION", "1.0".getBytes(StandardCharsets.US_ASCII), created);
            String json = "{\"id\":\"" + v1 + "\"" + (parentV1 == null ? "" : ",\"parent\":\"" + parentV1 + "\"")
                + ",\"created\":\"" + s.image().config().created() + "\",\"container_config\":{\"Hostname\":\"\","
                + "\"Domainname\":\"\",\"User\":\"\",\"AttachStdin\":false,\"AttachStdout\":false,\"AttachStderr\":false,"
                + "\"Tty\":false,\"OpenStdin\":false,\"StdinOnce\":false,\"Env\":null,\"Cmd\":null,\"Image\":\"\","
                + "\"Volumes\":null,\"WorkingDir\":\"\",\"Entrypoint\":null,\"OnBuild\":null,\"Labels\":null},"
                + "\"os\":\"linux\"}";
            file(tar, v1 + "/json", json.getBytes(StandardCharsets.UTF_8), created);
            file(tar, v1 + "/layer.tar", s.layerTars().get(i), created);
          }
          layerPaths.add(v1 + "/layer.tar");
          parentV1 = v1;
        }
        String configName = s.image().id().hex() + ".json";
        if (written.add(configName)) {
          file(tar, configName, s.image().configBytes(), created);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Config", configName);
        m.put("RepoTags", s.repoTags().isEmpty() ? null : s.repoTags());
        m.put("Layers", layerPaths);
        manifest.add(m);
        for (String t : s.repoTags()) {
          int colon = t.lastIndexOf(':');
          repositories.computeIfAbsent(t.substring(0, colon), k -> new TreeMap<>()).put(t.substring(colon + 1),
              parentV1 == null ? "" : parentV1);
        }
      }
      Instant epoch = Instant.EPOCH;
      file(tar, "manifest.json", JSON.writeValueAsBytes(manifest), epoch);
      if (!repositories.isEmpty()) {
        file(tar, "repositories", (JSON.writeValueAsString(repositories) + "\n").getBytes(StandardCharsets.UTF_8), epoch);
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The legacy v1 ID of a layer in a save: a hash of its chainID and its parent's v1 ID. */
  private static String v1Id(Digest chainId, String parentV1) {
    String json = "{\"layer_id\":\"" + chainId + "\"" + (parentV1 == null ? "" : ",\"parent\":\"sha256:" + parentV1 + "\"")
        + "}";
    return Digest.of(json.getBytes(StandardCharsets.UTF_8)).hex();
  }

  private static void dir(TarArchiveOutputStream tar, String name, Instant t) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(040755);
    e.setModTime(t.toEpochMilli());
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  private static void file(TarArchiveOutputStream tar, String name, byte[] data, Instant t) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(0100644);
    e.setSize(data.length);
    e.setModTime(t.toEpochMilli());
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }

  /** Reads a docker-archive or an OCI layout tar; ImageFormatException naming the first problem. */
  static List<LoadedImage> load(byte[] archive) {
    Map<String, byte[]> files = new HashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
      TarArchiveEntry e;
      boolean any = false;
      while ((e = tar.getNextEntry()) != null) {
        any = true;
        String name = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
        if (name.startsWith("/") || List.of(name.split("/")).contains("..")) {
          throw new ImageFormatException("invalid archive entry: " + e.getName());
        }
        if (e.isSymbolicLink()) {
          files.put(name, ("\0link:" + e.getLinkName()).getBytes(StandardCharsets.UTF_8));
        } else if (e.isFile()) {
          if (e.getSize() > dev.layerlab.image.LayerTar.MAX_ENTRY_SIZE) {
            throw new ImageFormatException("archive entry too large: " + name);
          }
          files.put(name, tar.readAllBytes());
        }
      }
      if (!any) {
        throw new ImageFormatException("unexpected EOF");
      }
    } catch (IOException ex) {
      throw new ImageFormatException("Error processing tar file(exit status 1): unexpected EOF");
    }
    try {
      if (files.containsKey("manifest.json")) {
        return dockerArchive(files);
      }
      if (files.containsKey("index.json") && files.containsKey("oci-layout")) {
        return ociLayout(files);
      }
    } catch (IOException ex) {
      throw new ImageFormatException("invalid JSON in archive: " + ImageArchive.firstLine(ex.getMessage()));
    }
    throw new ImageFormatException("open /var/lib/docker/tmp/docker-import/repositories: no such file or directory");
  }

  private static List<LoadedImage> dockerArchive(Map<String, byte[]> files) throws IOException {
    List<LoadedImage> out = new ArrayList<>();
    for (JsonNode m : JSON.readTree(files.get("manifest.json"))) {
      byte[] config = need(files, m.path("Config").asText());
      ImageConfig cfg = ImageConfig.parse(config);
      List<LayerBlob> layers = new ArrayList<>();
      int i = 0;
      for (JsonNode l : m.path("Layers")) {
        Digest expected = i < cfg.diffIds().size() ? cfg.diffIds().get(i) : null;
        layers.add(LayerBlob.fromTar(maybeGunzip(need(files, l.asText())), expected));
        i++;
      }
      if (layers.size() != cfg.diffIds().size()) {
        throw new ImageFormatException("invalid manifest, layers length mismatch: expected " + cfg.diffIds().size()
            + ", got " + layers.size());
      }
      List<String> tags = new ArrayList<>();
      m.path("RepoTags").forEach(t -> tags.add(t.asText().replaceFirst("^docker\\.io/(library/)?", "")));
      out.add(new LoadedImage(config, layers, tags));
    }
    return out;
  }

  private static List<LoadedImage> ociLayout(Map<String, byte[]> files) throws IOException {
    List<LoadedImage> out = new ArrayList<>();
    for (JsonNode d : JSON.readTree(files.get("index.json")).path("manifests")) {
      JsonNode manifest = JSON.readTree(blob(files, d.path("digest").asText()));
      byte[] config = blob(files, manifest.path("config").path("digest").asText());
      ImageConfig cfg = ImageConfig.parse(config);
      List<LayerBlob> layers = new ArrayList<>();
      int i = 0;
      for (JsonNode l : manifest.path("layers")) {
        byte[] data = blob(files, l.path("digest").asText());
        Digest expected = i < cfg.diffIds().size() ? cfg.diffIds().get(i) : null;
        layers.add(LayerBlob.fromTar(maybeGunzip(data), expected));
        i++;
      }
      List<String> tags = new ArrayList<>();
      String ref = d.path("annotations").path("org.opencontainers.image.ref.name").asText("");
      if (!ref.isEmpty()) {
        tags.add(ref.contains(":") ? ref : "layerlab/loaded:" + ref);
      }
      out.add(new LoadedImage(config, layers, tags));
    }
    return out;
  }

  private static byte[] blob(Map<String, byte[]> files, String digest) {
    Digest d;
    try {
      d = Digest.parse(digest);
    } catch (IllegalArgumentException e) {
      throw new ImageFormatException("invalid digest in index: " + digest);
    }
    byte[] data = need(files, "blobs/sha256/" + d.hex());
    if (!Digest.of(data).equals(d)) {
      throw new ImageFormatException("blob " + d + " does not match its digest");
    }
    return data;
  }

  private static byte[] need(Map<String, byte[]> files, String name) {
    byte[] data = files.get(name);
    if (data != null && data.length > 6 && new String(data, 0, 6, StandardCharsets.UTF_8).equals("\0link:")) {
      String target = new String(data, 6, data.length - 6, StandardCharsets.UTF_8);
      String dir = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
      data = files.get(java.nio.file.Paths.get(dir + target).normalize().toString());
    }
    if (data == null) {
      throw new ImageFormatException("file " + name + " not found in archive");
    }
    return data;
  }

  private static byte[] maybeGunzip(byte[] data) {
    if (data.length > 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new ImageFormatException("unexpected EOF");
      }
    }
    return data;
  }

  static String firstLine(String s) {
    return s == null ? "" : s.split("\n")[0];
  }
}
