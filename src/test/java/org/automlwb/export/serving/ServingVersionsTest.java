package org.automlwb.export.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.automlwb.common.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code current} file, promotions and rollbacks of one served model, on plain folders. */
class ServingVersionsTest {
    @TempDir
    Path dir;

    private ServingVersions versions(String... names) throws IOException {
        Path model = dir.resolve("model_serving").resolve("churn");
        for (String n : names) Files.createDirectories(model.resolve(n));
        return new ServingVersions(model);
    }

    @Test
    void withoutACurrentFileTheHighestVersionIsServedNumericallyNotAlphabetically() throws Exception {
        ServingVersions v = versions("v1", "v2", "v10", ".v.partial-123-4", "notes");
        assertEquals(List.of("v1", "v2", "v10"), v.versions());
        assertEquals(Optional.empty(), v.promoted());
        assertEquals(Optional.of("v10"), v.served());
        assertEquals(Optional.empty(), new ServingVersions(dir.resolve("none")).served(), "no versions, none served");
    }

    @Test
    void promoteWritesTheCurrentFileAndRollbackWalksBackThroughThePromotions() throws Exception {
        ServingVersions v = versions("v1", "v2", "v3");
        assertEquals("v3", v.promote("v1"), "nothing was promoted, so the highest was served before");
        assertEquals("v1\n", Files.readString(v.dir().resolve(ServingVersions.CURRENT)));
        assertEquals("v1", v.promote("v2"));
        assertEquals("v2", v.promote("v3"));
        assertEquals("v2", v.rollback());
        assertEquals(Optional.of("v2"), v.promoted());
        assertEquals("v1", v.rollback(), "a second rollback goes one further back, not forth to v3");
        BadInputException none = assertThrows(BadInputException.class, v::rollback);
        assertTrue(none.oneLine().contains("no earlier promoted version of churn"), none.oneLine());
        assertEquals(Optional.of("v1"), v.promoted(), "a refused rollback changes nothing");
        List<ServingVersions.Change> h = v.history();
        assertEquals(5, h.size());
        assertEquals(ServingVersions.Action.ROLLBACK, h.get(4).action());
        assertEquals("v1", h.get(4).version());
        assertEquals("v2", h.get(4).previous());
        assertTrue(Files.list(v.dir()).noneMatch(p -> p.getFileName().toString().endsWith(".tmp")),
                "the current file is written through a temporary file that is gone");
    }

    @Test
    void anUnknownVersionOrModelOrABrokenCurrentFileIsOneClearLine() throws Exception {
        ServingVersions v = versions("v1");
        BadInputException unknown = assertThrows(BadInputException.class, () -> v.promote("v7"));
        assertTrue(unknown.oneLine().contains("no version 'v7' of churn") && unknown.oneLine().contains("[v1]"),
                unknown.oneLine());
        BadInputException model = assertThrows(BadInputException.class,
                () -> ServingVersions.of(dir, "nothing").rollback());
        assertTrue(model.oneLine().contains("no deployed model 'nothing'"), model.oneLine());
        assertEquals(dir.resolve("model_serving/churn"), ServingVersions.of(dir, "../../Churn").dir(),
                "names are made safe as deploy makes them: the same case-folding, nothing outside model_serving/");
        Files.writeString(v.dir().resolve(ServingVersions.CURRENT), "../../etc\n");
        BadInputException broken = assertThrows(BadInputException.class, v::served);
        assertTrue(broken.oneLine().contains("current:1: names '../../etc', which is not a version of churn"),
                broken.oneLine());
    }
}
