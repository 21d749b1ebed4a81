package org.duban.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DingTalk's and WeCom's group robots as a local HTTP server: records every call with its query and
 * JSON body, answers errcode 0, or a refusal while failures are scheduled.
 */
final class RobotServer {

  /** One call a robot received. */
  record Call(String path, Map<String, String> query, JsonNode body, boolean answeredOk) {}

  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
  private final Set<String> alwaysFailing = ConcurrentHashMap.newKeySet();

  RobotServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::answer);
    server.start();
  }

  String url(String path) {
    return "http://localhost:" + server.getAddress().getPort() + path;
  }

  void reset() {
    calls.clear();
    failuresLeft.clear();
    alwaysFailing.clear();
  }

  /** The next {@code times} calls to this path are refused (errcode 310000). */
  void failTimes(String path, int times) {
    failuresLeft.put(path, new AtomicInteger(times));
  }

  void failAlways(String path) {
    alwaysFailing.add(path);
  }

  List<Call> calls(String path) {
    return calls.stream().filter(c -> c.path().equals(path)).toList();
  }

  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    byte[] request = exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getPath();
    AtomicInteger left = failuresLeft.get(path);
    boolean fail =
        alwaysFailing.contains(path)
            || (left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0);
    calls.add(
        new Call(
            path, query(exchange.getRequestURI().getRawQuery()), json.readTree(request), !fail));
    String answer =
        fail
            ? "{\"errcode\":310000,\"errmsg\":\"robot refused\"}"
            : "{\"errcode\":0,\"errmsg\":\"ok\"}";
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        // kept raw: the DingTalk signature is checked as sent, URL-encoded
        query.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return query;
  }

  static String decoded(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
