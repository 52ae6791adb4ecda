package news.masthead.testsupport.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback address. */
public final class Ports {
    private Ports() {
    }

    /**
     * A port nothing listens on right now. Another process could take it before ours binds it; on a
     * test machine that is rare enough, and a launcher that loses the race fails loudly.
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
