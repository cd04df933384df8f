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
 * the list of releases {@code rollback} chooses from.
 */
record Release(String digest, String commit, String deployedAt, String kind, String app, Map<String, FunctionState> functions) {

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
        ObjectNode fns = root.putObject("functions");
        functions.forEach((name, s) -> {
            ObjectNode f = fns.putObject(name);
            f.put("image_uri", s.imageUri());
            if (s.liveVersion() != null) {
                f.put("live_version", s.liveVersion());
            }
        });
        return root.toString();
    }

    static Release fromJson(String json) {
        try {
            JsonNode j = JSON.readTree(json);
            Map<String, FunctionState> fns = new LinkedHashMap<>();
            j.path("functions").fields().forEachRemaining(e -> fns.put(e.getKey(), new FunctionState(
                    e.getValue().path("image_uri").asText(null),
                    e.getValue().hasNonNull("live_version") ? e.getValue().path("live_version").asText() : null)));
            return new Release(j.path("digest").asText(null), j.path("commit").asText(null), j.path("deployed_at").asText(null),
                    j.path("kind").asText("deploy"), j.path("app").asText(null), fns);
        } catch (IOException e) {
            throw new IllegalStateException("a release record is not JSON: " + e.getMessage(), e);
        }
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
