package com.drdailyreport.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** ticker-scheduler's asynchronous invoke of precompute-controller with the real Lambda SDK client, against moto_server. */
class LambdaControllerTriggerIT {

    private static MotoServer moto;
    private static LambdaClient lambda;

    @BeforeAll
    static void function() throws IOException {
        moto = MotoServer.start();
        lambda = AwsClients.lambda(moto);
        String role = AwsClients.iam(moto).createRole(b -> b.roleName("controller-role").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                        + "\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
        byte[] zip = emptyZip();
        lambda.createFunction(b -> b.functionName("dr-daily-report-precompute-controller-dev").role(role).runtime(Runtime.JAVA21)
                .handler("com.drdailyreport.scheduler.PrecomputeControllerHandler::handleRequest")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
    }

    @AfterAll
    static void stop() {
        if (lambda != null) {
            lambda.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void anEventInvokeIsAcceptedWithHttp202() {
        new LambdaControllerTrigger(lambda, "dr-daily-report-precompute-controller-dev")
                .trigger("{\"action\":\"start\",\"source\":\"scheduler\"}");
        assertThat(lambda.getFunction(b -> b.functionName("dr-daily-report-precompute-controller-dev")).configuration().functionName())
                .isEqualTo("dr-daily-report-precompute-controller-dev");
    }

    @Test
    void aMissingFunctionIsReportedAsAnError() {
        assertThatThrownBy(() -> new LambdaControllerTrigger(lambda, "dr-daily-report-no-such-function-dev").trigger("{}"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private static byte[] emptyZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("placeholder.txt"));
            zip.write("moto needs a package".getBytes());
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
