package com.drdailyreport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * A release record: what every function of an environment runs after a deploy or rollback — the
 * image digest and URI per function, the version {@code live} points at, the commit and time.
 * Kept in SSM Parameter Store at {@code /dr-daily-report/ENV/release}; the parameter's history is
 * the list of releases {@code rollback} chooses from. Each record also keeps what every function
 * ran just before it ({@code previous}), so even the first release of an environment — whose
 * history holds nothing earlier — can be rolled back.
 */
record Release(String digest, String commit, String deployedAt, String kind, String app, Map<String, FunctionState> functions,
               Map<String, FunctionState> previous) {

    Release {
        functions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        previous = previous == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(previous));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One function: its {@code $LATEST} image and, for alias-invoked functions, the {@code live} version. */
    record FunctionState(String imageUri, String liveVersion) {
        String digest() {
            return Digests.of(imageUri);
        }
    }

    static String parameterName(String env) {
        return "/dr-daily-report/" + env + "/release";
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("digest", digest).put("commit", commit).put("deployed_at", deployedAt).put("kind", kind).put("app", app);
        putStates(root.putObject("functions"), functions);
        putStates(root.putObject("previous"), previous);
        return root.toString();
    }

    private static void putStates(ObjectNode into, Map<String, FunctionState> states) {
        states.forEach((name, s) -> {
            ObjectNode f = into.putObject(name);
            f.put("image_uri", s.imageUri());
            if (s.liveVersion() != null) {
                f.put("live_version", s.liveVersion());
            }
        });
    }

    static Release fromJson(String json) {
        try {
            JsonNode j = JSON.readTree(json);
            return new Release(j.path("digest").asText(null), j.path("commit").asText(null), j.path("deployed_at").asText(null),
                    j.path("kind").asText("deploy"), j.path("app").asText(null), states(j.path("functions")), states(j.path("previous")));
        } catch (IOException e) {
            throw new IllegalStateException("a release record is not JSON: " + e.getMessage(), e);
        }
    }

    private static Map<String, FunctionState> states(JsonNode node) {
        Map<String, FunctionState> fns = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> fns.put(e.getKey(), new FunctionState(
                e.getValue().path("image_uri").asText(null),
                e.getValue().hasNonNull("live_version") ? e.getValue().path("live_version").asText() : null)));
        return fns;
    }

    /**
     * What ran just before this release, as a release of its own (kind {@code before}), or null when
     * the record kept nothing. Its digest is the one most of those functions ran.
     */
    Release before() {
        if (previous.isEmpty()) {
            return null;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        previous.values().forEach(s -> {
            if (s.digest() != null) {
                counts.merge(s.digest(), 1, Integer::sum);
            }
        });
        String most = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        return new Release(most, null, null, "before", app, previous, Map.of());
    }

    /**
     * Every state {@code rollback} may restore, in the order it looks at them: the releases of the
     * history, newest first, then what ran just before each of them, newest first (so a release the
     * records name is preferred, and the state before the first release is the last resort).
     */
    static List<Release> timeline(List<Release> history) {
        List<Release> all = new ArrayList<>(history);
        for (Release r : history) {
            Release before = r.before();
            if (before != null) {
                all.add(before);
            }
        }
        return all;
    }

    static void write(SsmClient ssm, String env, Release release) {
        ssm.putParameter(b -> b.name(parameterName(env)).type(ParameterType.STRING).overwrite(true).value(release.toJson())
                .description("DR Daily Report release of " + env + " (written by the deploy tool)"));
    }

    static Release current(SsmClient ssm, String env) {
        try {
            return fromJson(ssm.getParameter(b -> b.name(parameterName(env))).parameter().value());
        } catch (ParameterNotFoundException e) {
            return null;
        }
    }

    /** Every release of the environment, newest first. */
    static List<Release> history(SsmClient ssm, String env) {
        List<ParameterHistory> all = new ArrayList<>();
        try {
            ssm.getParameterHistoryPaginator(b -> b.name(parameterName(env))).forEach(page -> all.addAll(page.parameters()));
        } catch (ParameterNotFoundException e) {
            return List.of();
        }
        all.sort((a, b) -> Long.compare(b.version(), a.version()));
        return all.stream().map(h -> fromJson(h.value())).toList();
    }
}
