package com.drdailyreport.deploy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which checkout may go where: the {@code dev} branch to dev, {@code main} to staging, and a
 * {@code vMAJOR.MINOR.PATCH} tag on a commit of main to prod. Nothing else deploys.
 */
final class BranchPolicy {

    static final Pattern RELEASE_TAG = Pattern.compile("v\\d+\\.\\d+\\.\\d+");

    private BranchPolicy() {
    }

    /** Null when the checkout may deploy to {@code env}, else why not (and what to do). */
    static String violation(String env, String branch, List<String> tagsAtHead, boolean onMain) {
        return switch (env) {
            case "dev" -> "dev".equals(branch) ? null
                    : "dev deploys from the dev branch; this checkout is " + describe(branch) + " (git switch dev)";
            case "staging" -> "main".equals(branch) ? null
                    : "staging deploys from the main branch; this checkout is " + describe(branch) + " (git switch main)";
            case "prod" -> {
                List<String> releases = tagsAtHead.stream().filter(t -> RELEASE_TAG.matcher(t).matches()).toList();
                if (releases.isEmpty()) {
                    yield "prod deploys a vMAJOR.MINOR.PATCH tag; HEAD carries " + (tagsAtHead.isEmpty() ? "no tag" : "only " + tagsAtHead)
                            + " (tag a commit of main: git tag v1.2.3 && git push origin v1.2.3)";
                }
                yield onMain ? null : "tag " + releases.get(0) + " is not on main: merge to main and tag the merged commit";
            }
            default -> "unknown environment '" + env + "': expected dev, staging or prod";
        };
    }

    private static String describe(String branch) {
        return branch == null || branch.isBlank() ? "a detached HEAD" : "branch '" + branch + "'";
    }
}
