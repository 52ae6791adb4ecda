package news.masthead.stream;

import java.util.Optional;

/**
 * Where an event stands in the stream: the id of the transaction that wrote it and its order within
 * that transaction (see V51). On the wire it is opaque ({@code id:}), two base-36 numbers.
 */
public record Position(long tx, long seq) implements Comparable<Position> {
    /** Before every event. */
    public static final Position START = new Position(0, 0);

    public String wire() {
        return Long.toString(tx, 36) + "-" + Long.toString(seq, 36);
    }

    /** The position a client sent back in {@code Last-Event-ID}, if it has the shape of one. */
    public static Optional<Position> parse(String wire) {
        if (wire == null || wire.length() > 40) {
            return Optional.empty();
        }
        int dash = wire.indexOf('-');
        try {
            return dash < 1 ? Optional.empty()
                    : Optional.of(new Position(Long.parseLong(wire.substring(0, dash), 36), Long.parseLong(wire.substring(dash + 1), 36)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(Position o) {
        int byTx = Long.compare(tx, o.tx);
        return byTx != 0 ? byTx : Long.compare(seq, o.seq);
    }
}
