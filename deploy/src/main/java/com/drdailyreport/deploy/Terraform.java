package com.drdailyreport.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Phase 5: {@code terraform apply} of {@code terraform/} with the released digests, when a
 * {@code terraform} binary is on the PATH; otherwise the exact commands to run, said plainly.
 */
final class Terraform {

    private final Path dir;
    private final String env;
    private final Map<String, String> processEnv;

    Terraform(Path repo, String env, Map<String, String> processEnv) {
        this.dir = repo.resolve("terraform");
        this.env = env;
        this.processEnv = processEnv;
    }

    /** The binary on PATH, or null. */
    Path binary() {
        return Programs.onPath("terraform", processEnv);
    }

    /** The variables file of a release: the digest and, per function, the digest it runs. */
    static String releaseVariables(String digest, Map<String, String> functionDigests) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("image_digest", digest);
        ObjectNode per = root.putObject("function_image_digests");
        functionDigests.forEach(per::put);
        return root.toPrettyString();
    }

    List<String> initCommand() {
        return List.of("terraform", "-chdir=" + dir, "init", "-input=false", "-reconfigure", "-backend-config=envs/" + env + ".s3.tfbackend");
    }

    List<String> applyCommand(Path varFile) {
        return List.of("terraform", "-chdir=" + dir, "apply", "-input=false", "-auto-approve",
                "-var-file=envs/" + env + ".tfvars", "-var-file=" + varFile.toAbsolutePath());
    }

    /** Runs init and apply; returns null when both succeeded, else why not. Output goes to {@code out} line by line. */
    String apply(Path varFile, Map<String, String> secrets, Consumer<String> out) {
        for (List<String> command : List.of(initCommand(), applyCommand(varFile))) {
            List<String> argv = new ArrayList<>(command);
            argv.set(0, binary().toString());
            try {
                ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
                pb.environment().putAll(processEnv);
                pb.environment().putAll(secrets);
                pb.environment().put("TF_IN_AUTOMATION", "1");
                Process p = pb.start();
                try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                        java.nio.charset.StandardCharsets.UTF_8))) {
                    reader.lines().forEach(line -> out.accept("  terraform: " + line));
                }
                int code = p.waitFor();
                if (code != 0) {
                    return String.join(" ", command.subList(0, Math.min(3, command.size()))) + " … exited " + code;
                }
            } catch (IOException e) {
                return "cannot run terraform: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return null;
    }
}
