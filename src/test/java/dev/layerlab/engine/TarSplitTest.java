package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** CRC-64/ISO as Go's hash/crc64 computes it, whatever way the bytes arrive. */
class TarSplitTest {

  @Test
  void crc64IsoMatchesGosKnownValue() {
    // Go: crc64.Checksum([]byte("123456789"), crc64.MakeTable(crc64.ISO)) == 0xb90956c775a41001
    assertThat(TarSplit.update(0, "123456789".getBytes(StandardCharsets.US_ASCII), 0, 9))
        .isEqualTo(0xb90956c775a41001L);
  }

  @Test
  void crc64IsTheSameInOneGoOrInPieces() {
    long seed = 77;
    byte[] data = new byte[10_000];
    new Random(seed).nextBytes(data);
    long whole = TarSplit.update(0, data, 0, data.length);
    long parts = TarSplit.update(TarSplit.update(0, data, 0, 4_321), data, 4_321, data.length - 4_321);
    assertThat(parts).isEqualTo(whole);
  }
}
