package org.automlwb.spark;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.automlwb.common.BadInputException;

/**
 * A Spark master URL as {@code --master} gives it, checked for its form before Spark sees it: Spark itself would
 * fail on a typo much later, deep inside the SparkContext, with a stack trace.
 *
 * @param url   the URL as given
 * @param kind  which cluster manager it names
 * @param hosts for a standalone master the host and port of each master (several with ZooKeeper fail-over);
 *              empty for the other kinds
 */
public record SparkMaster(String url, Kind kind, List<InetSocketAddress> hosts) {
    /** The cluster managers a Spark 4.2 driver connects to. */
    public enum Kind {
        /** {@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]}: executors inside the driver JVM. */
        LOCAL,
        /** {@code spark://host:port[,host:port...]}: a standalone master. */
        STANDALONE,
        /** {@code yarn}: Hadoop YARN, found through HADOOP_CONF_DIR. */
        YARN,
        /** {@code k8s://https://host:port}: Kubernetes. */
        KUBERNETES
    }

    /** What the user can type, said in every message about a bad URL. */
    static final String FORMS = "use spark://host:7077 (a standalone master), local[N], yarn or k8s://https://host:port";

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9]\\d*)(,[1-9]\\d*)?])?");
    private static final Pattern HOST_PORT = Pattern.compile("([^:/,\\s]+|\\[[0-9a-fA-F:]+]):(\\d{1,5})");

    /** Copies the host list so the record is a value. */
    public SparkMaster {
        hosts = List.copyOf(hosts);
    }

    /**
     * Parses {@code --master}.
     *
     * @param url the URL as given on the command line or in the settings
     * @return the master, with its kind and, for a standalone master, its hosts
     * @throws BadInputException when it is none of Spark's master URL forms
     */
    public static SparkMaster parse(String url) throws BadInputException {
        if (url == null || url.isBlank()) {
            throw new BadInputException("--executor spark needs --master, the Spark master URL", FORMS);
        }
        String u = url.strip();
        if (LOCAL.matcher(u).matches()) return new SparkMaster(u, Kind.LOCAL, List.of());
        if (u.equals("yarn")) return new SparkMaster(u, Kind.YARN, List.of());
        if (u.startsWith("k8s://") && u.length() > "k8s://".length()) return new SparkMaster(u, Kind.KUBERNETES, List.of());
        if (u.startsWith("spark://")) {
            List<InetSocketAddress> hosts = new ArrayList<>();
            for (String part : u.substring("spark://".length()).split(",", -1)) {
                Matcher m = HOST_PORT.matcher(part);
                int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
                if (port < 1 || port > 65535) {
                    throw new BadInputException("--master '" + url + "': '" + part + "' is not host:port",
                            "a standalone master is spark://host:port, by default port 7077");
                }
                String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
                hosts.add(InetSocketAddress.createUnresolved(host, port));
            }
            return new SparkMaster(u, Kind.STANDALONE, hosts);
        }
        throw new BadInputException("--master '" + url + "' is not a Spark master URL", FORMS);
    }

    /** @return whether the executors run inside the driver JVM ({@code local[...]}) */
    public boolean local() {
        return kind == Kind.LOCAL;
    }
}
