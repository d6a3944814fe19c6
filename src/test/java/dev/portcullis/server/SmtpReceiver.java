package dev.portcullis.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server on 127.0.0.1 for tests: it accepts EHLO, AUTH LOGIN and AUTH PLAIN, MAIL FROM,
 * RCPT TO, DATA and QUIT, replies to each with success, and records every command and message. It
 * implements just enough of RFC 5321 and RFC 4954 for one client at a time.
 */
final class SmtpReceiver implements AutoCloseable {

    /** One SMTP session: the commands in order, the credentials of AUTH and the DATA text. */
    record Session(List<String> commands, String user, String password, String data) {}

    private final ServerSocket socket;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();

    SmtpReceiver() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("smtp-receiver").start(this::acceptLoop);
    }

    int port() {
        return socket.getLocalPort();
    }

    List<Session> sessions() {
        return List.copyOf(sessions);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                sessions.add(serve(client));
            } catch (IOException e) {
                // The socket closed; the test is over.
            }
        }
    }

    private static Session serve(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = client.getOutputStream();
        List<String> commands = new ArrayList<>();
        String user = null;
        String password = null;
        StringBuilder data = new StringBuilder();
        reply(out, "220 127.0.0.1 ESMTP test receiver");
        String line;
        while ((line = in.readLine()) != null) {
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (upper.startsWith("AUTH LOGIN")) {
                commands.add("AUTH LOGIN");
                String[] parts = line.split(" ");
                if (parts.length < 3) {
                    reply(out, "334 VXNlcm5hbWU6");
                    user = decode(in.readLine());
                } else {
                    user = decode(parts[2]);
                }
                reply(out, "334 UGFzc3dvcmQ6");
                password = decode(in.readLine());
                reply(out, "235 2.7.0 Authentication successful");
            } else if (upper.startsWith("AUTH PLAIN")) {
                commands.add("AUTH PLAIN");
                String[] parts = line.split(" ");
                String response;
                if (parts.length < 3) {
                    reply(out, "334 ");
                    response = decode(in.readLine());
                } else {
                    response = decode(parts[2]);
                }
                String[] fields = response.split("\u0000", -1);
                user = fields[1];
                password = fields[2];
                reply(out, "235 2.7.0 Authentication successful");
            } else if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                commands.add(line);
                reply(out, "250-127.0.0.1 greets you\r\n250-AUTH LOGIN PLAIN\r\n250 8BITMIME");
            } else if (upper.equals("DATA")) {
                commands.add(line);
                reply(out, "354 End data with <CR><LF>.<CR><LF>");
                String dataLine;
                while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                    // RFC 5321 section 4.5.2: a leading dot was doubled by the client.
                    data.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append("\r\n");
                }
                reply(out, "250 2.0.0 Queued");
            } else if (upper.equals("QUIT")) {
                commands.add(line);
                reply(out, "221 2.0.0 Bye");
                break;
            } else {
                commands.add(line);
                reply(out, "250 2.0.0 OK");
            }
        }
        return new Session(List.copyOf(commands), user, password, data.toString());
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
