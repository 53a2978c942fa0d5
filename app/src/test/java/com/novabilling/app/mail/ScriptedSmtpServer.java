package com.novabilling.app.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An SMTP server on 127.0.0.1 that answers from a script, for replies a real server gives only when misconfigured:
 * the script maps each command line to its reply, and {@code null} means no answer at all. Message content after
 * {@code DATA} is swallowed up to the closing dot and answered with 250.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String greeting;
    private final Function<String, String> script;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public ScriptedSmtpServer(String greeting, Function<String, String> script) throws IOException {
        this.socket = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        this.greeting = greeting;
        this.script = script;
        this.acceptor = new Thread(this::serve, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server that greets, offers AUTH PLAIN, and otherwise says yes to everything. */
    public static Function<String, String> accepting(Function<String, String> overrides) {
        return line -> {
            String override = overrides.apply(line);
            if (override != null) {
                return override;
            }
            String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
            return switch (verb) {
                case "EHLO" -> "250-scripted.test\r\n250 AUTH PLAIN";
                case "DATA" -> "354 go ahead";
                case "QUIT" -> "221 bye";
                default -> "250 OK";
            };
        };
    }

    public int port() {
        return socket.getLocalPort();
    }

    public List<String> commands() {
        return commands;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException e) {
                // closed by the test or by the client: take the next connection
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        if (greeting != null) {
            write(out, greeting);
        }
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            String reply = script.apply(line);
            if (reply == null) {
                continue;
            }
            write(out, reply);
            if (reply.startsWith("354")) {
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    commands.add(line);
                }
                write(out, "250 queued");
            }
            if (reply.startsWith("221")) {
                return;
            }
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
