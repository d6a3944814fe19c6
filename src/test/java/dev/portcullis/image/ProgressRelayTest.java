package dev.portcullis.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressRelayTest {

    private final List<String> events = new ArrayList<>();

    private final ReadProgress recorder = new ReadProgress() {
        @Override
        public void layerStarted(int index, int count, long size) {
            events.add("start " + index + "/" + count + " size " + size);
        }

        @Override
        public void bytesRead(long total) {
            events.add("read " + total);
        }
    };

    @Test
    void shouldShowLowestLayerStillBeingRead() {
        ProgressRelay relay = new ProgressRelay(recorder, new long[] {100, 200, 300});

        relay.forLayer(1).bytesRead(50);
        relay.forLayer(0).bytesRead(40);
        relay.forLayer(2).bytesRead(300);
        relay.layerFinished(2);
        relay.forLayer(0).bytesRead(100);
        relay.layerFinished(0);
        relay.forLayer(1).bytesRead(200);
        relay.layerFinished(1);

        assertThat(events).containsExactly(
                "start 0/3 size 100",
                "read 40",
                "read 100",
                "start 1/3 size 200",
                "read 50",
                "read 200",
                "start 2/3 size 300",
                "read 300");
    }

    @Test
    void shouldAnnounceLayersFinishedMeanwhile() {
        ProgressRelay relay = new ProgressRelay(recorder, new long[] {10, 20, 30});

        relay.forLayer(1).bytesRead(20);
        relay.layerFinished(1);
        relay.layerFinished(0);

        assertThat(events).containsExactly("start 0/3 size 10", "start 1/3 size 20", "read 20", "start 2/3 size 30");
    }
}
