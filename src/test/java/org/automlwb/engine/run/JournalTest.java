package org.automlwb.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trial ids stay unique across a journal whose last line a crash cut short. */
class JournalTest {
    @TempDir
    Path dir;

    private static TrialResult trial(int id) {
        return new TrialResult(new TrialSpec(id, "cart", Config.of("depth", id), id, "tpe"), TrialStatus.OK,
                0.5 + id / 100.0, Map.of("auc", 0.5 + id / 100.0), 0.1, null, null, 1);
    }

    /** Writes trials in the given (finish) order, then keeps the first {@code keep} characters of the last line. */
    private Path journal(List<Integer> ids, int keep) throws Exception {
        Path f = dir.resolve("trials-" + ids + "-" + keep + ".jsonl");
        try (Journal j = Journal.open(f)) {
            for (int id : ids) j.append(trial(id));
        }
        List<String> lines = Files.readAllLines(f);
        String last = lines.get(lines.size() - 1);
        String cut = keep < 0 ? last : last.substring(0, Math.min(keep, last.length()));
        Files.writeString(f, String.join("\n", lines.subList(0, lines.size() - 1)) + "\n" + cut);
        return f;
    }

    @Test
    void aWholeJournalContinuesAfterItsHighestId() throws Exception {
        // Finished out of order: 2, 5, 3.
        Path f = journal(List.of(2, 5, 3), -1);
        assertEquals(3, Journal.read(f).size());
        assertEquals(6, Journal.nextTrialId(f));
    }

    @Test
    void aGarbledLineWhoseIdIsStillReadableKeepsItsId() throws Exception {
        // Trial 9's line came back from a crash with zero bytes in its middle (as file systems may leave a block
        // that was not written): read skips it, its id stays taken.
        Path f = journal(List.of(1, 2, 9), -1);
        String text = Files.readString(f);
        int at = text.lastIndexOf("\"cart\"") + 2;
        Files.writeString(f, text.substring(0, at) + "\0\0\0" + text.substring(at + 3));
        assertEquals(List.of(1, 2), Journal.read(f).stream().map(r -> r.spec().trialId()).toList());
        assertEquals(10, Journal.nextTrialId(f));
    }

    @Test
    void aCutLineWithoutItsIdCountsAsALine() throws Exception {
        // The cut line was trial 3 (ids 1, 2, 3 finished in order): its id is gone, the count of lines bounds it.
        Path f = journal(List.of(1, 2, 3), 30);
        assertEquals(List.of(1, 2), Journal.read(f).stream().map(r -> r.spec().trialId()).toList());
        assertEquals(4, Journal.nextTrialId(f));
        // A new run appends on a line of its own, and its trial takes the id returned.
        try (Journal j = Journal.open(f)) {
            j.append(trial(Journal.nextTrialId(f)));
        }
        assertEquals(List.of(1, 2, 4), Journal.read(f).stream().map(r -> r.spec().trialId()).toList());
        assertEquals(5, Journal.nextTrialId(f));
    }

    @Test
    void aMissingOrEmptyJournalStartsAtOne() throws Exception {
        assertEquals(1, Journal.nextTrialId(dir.resolve("none.jsonl")));
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "\n");
        assertEquals(1, Journal.nextTrialId(empty));
    }
}
