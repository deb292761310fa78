package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlab.vfs.JimfsVfs;
import dev.layerlab.vfs.Vfs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** USER values resolved in a container's own /etc/passwd and /etc/group, as Docker 18.06's daemon resolves them. */
class ExecUserTest {
  private final Vfs root = JimfsVfs.create();

  private void file(String path, String text) {
    root.write(path, text.getBytes(StandardCharsets.UTF_8), Vfs.WriteMode.TRUNCATE, 0644);
  }

  private void etc() {
    root.mkdir("/etc", 0755);
    file("/etc/passwd", """
        root:x:0:0:root:/root:/bin/bash
        nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin

        app:x:1001:1001::/home/app:/bin/sh
        app:x:1002:1002::/elsewhere:/bin/sh
        """);
    file("/etc/group", """
        root:x:0:
        staff:x:50:app
        app:x:1001:
        nogroup:x:65534:
        builders:x:2000:nobody,app
        staff:x:51:
        """);
  }

  @Test
  void aNameTakesItsIdsHomeAndMemberGroupsFromTheFirstMatchingEntries() {
    etc();
    assertThat(ExecUser.resolve(root, "app")).isEqualTo(new ExecUser(1001, 1001, List.of(50, 2000), "/home/app"));
    assertThat(ExecUser.resolve(root, "nobody")).isEqualTo(new ExecUser(65534, 65534, List.of(2000), "/nonexistent"));
    assertThat(ExecUser.resolve(root, "root")).isEqualTo(new ExecUser(0, 0, List.of(), "/root"));
  }

  @Test
  void aNumberIsAUidWhetherOrNotPasswdKnowsIt() {
    etc();
    assertThat(ExecUser.resolve(root, "1001").home()).isEqualTo("/home/app");
    assertThat(ExecUser.resolve(root, "4242")).isEqualTo(new ExecUser(4242, 0, List.of(), "/"));
  }

  @Test
  void anExplicitGroupReplacesThePrimaryGroupAndTheMemberGroups() {
    etc();
    assertThat(ExecUser.resolve(root, "app:staff")).isEqualTo(new ExecUser(1001, 50, List.of(), "/home/app"));
    assertThat(ExecUser.resolve(root, "app:7")).isEqualTo(new ExecUser(1001, 7, List.of(), "/home/app"));
    assertThat(ExecUser.resolve(root, "4242:2000")).isEqualTo(new ExecUser(4242, 2000, List.of(), "/"));
  }

  @Test
  void unknownNamesFailWithTheDaemonsWords() {
    etc();
    assertThatThrownBy(() -> ExecUser.resolve(root, "bob")).isInstanceOf(EngineException.class)
        .hasMessage("linux spec user: unable to find user bob: no matching entries in passwd file");
    assertThatThrownBy(() -> ExecUser.resolve(root, "app:wheel"))
        .hasMessage("linux spec user: unable to find group wheel: no matching entries in group file");
    assertThatThrownBy(() -> ExecUser.resolve(root, "99999999999"))
        .hasMessage("linux spec user: uids and gids must be in range 0-2147483647");
  }

  @Test
  void withoutPasswdOnlyNumbersWork() {
    assertThat(ExecUser.resolve(root, "1000:1000")).isEqualTo(new ExecUser(1000, 1000, List.of(), "/"));
    assertThatThrownBy(() -> ExecUser.resolve(root, "nobody"))
        .hasMessage("linux spec user: unable to find user nobody: no matching entries in passwd file");
  }
}
