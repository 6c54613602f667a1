package io.erpcore.isolation;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of PostgreSQL that reads the client's side of the wire protocol and counts
 * round trips: the bursts of messages the client sends, each forwarded whole, where a new burst
 * starts only after the server has answered the previous one. Messages the client pipelines
 * (pgjdbc's {@code BEGIN} ahead of the first statement, several statements before one
 * {@code Sync}) are one round trip, as they cost one network wait. Connect through it with {@code sslmode=disable}, or there is
 * nothing to read.
 */
final class PgWireProxy implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final AtomicLong roundTrips = new AtomicLong();
    // Set by the server's side, cleared when the client's next message opens a round trip.
    private volatile boolean serverAnswered = true;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private PgWireProxy(ServerSocket listener, String targetHost, int targetPort) {
        this.listener = listener;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    static PgWireProxy to(String host, int port) throws IOException {
        PgWireProxy proxy = new PgWireProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), host, port);
        Thread acceptor = new Thread(proxy::accept, "pg-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Round trips counted since the proxy started. */
    long roundTrips() {
        return roundTrips.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                pump("pg-proxy-up", () -> readClient(client.getInputStream(), server.getOutputStream()));
                pump("pg-proxy-down", () -> answer(server.getInputStream(), client.getOutputStream()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Forwards the client's messages burst by burst, counting the bursts after the start-up exchange. */
    private void readClient(InputStream from, OutputStream server) throws IOException {
        OutputStream to = new java.io.BufferedOutputStream(server, 65_536);
        DataInputStream in = new DataInputStream(from);
        int code;
        do {
            int length = in.readInt();
            code = in.readInt();
            byte[] rest = in.readNBytes(length - 8);
            to.write(toBytes(length));
            to.write(toBytes(code));
            to.write(rest);
            to.flush();
        } while (code == SSL_REQUEST || code == GSS_REQUEST);
        boolean burstSent = true;
        while (true) {
            int type = in.read();
            if (type < 0) {
                return;
            }
            int length = in.readInt();
            byte[] body = in.readNBytes(length - 4);
            if (burstSent && serverAnswered) {
                serverAnswered = false;
                roundTrips.incrementAndGet();
            }
            to.write(type);
            to.write(toBytes(length));
            to.write(body);
            // Nothing more has arrived: the client sent its burst and now waits for the server.
            burstSent = in.available() == 0;
            if (burstSent) {
                to.flush();
            }
        }
    }

    /** Forwards the server's bytes, noting that it answered. */
    private void answer(InputStream from, OutputStream to) throws IOException {
        byte[] buffer = new byte[16_384];
        int read;
        while ((read = from.read(buffer)) >= 0) {
            serverAnswered = true;
            to.write(buffer, 0, read);
            to.flush();
        }
    }

    private static byte[] toBytes(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static void pump(String name, IoWork work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (IOException closed) {
                // one side hung up; the other pump ends with it
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    @FunctionalInterface
    private interface IoWork {
        void run() throws IOException;
    }
}
