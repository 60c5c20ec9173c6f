package dev.roster.server.webhook;

import dev.roster.server.common.NudgedLoop;
import dev.roster.server.config.RosterProperties;
import dev.roster.server.event.EventSequencer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs webhook fan-out and sending on virtual threads: fan-out right after the sequencer positions events on this
 * instance, sending right after a fan-out queued deliveries, and both every {@code pollInterval} for retries that
 * fall due and for other instances' events.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private final WebhookSender sending;
    private final NudgedLoop fanOut;
    private final NudgedLoop sender;

    WebhookDispatcher(WebhookFanOut fanOut, WebhookSender sender, RosterProperties properties) {
        this.sending = sender;
        this.sender = new NudgedLoop("webhook-sender", properties.webhooks().pollInterval(),
                () -> sender.sendAllDue(this::nudgeSender));
        this.fanOut = new NudgedLoop("webhook-fan-out", properties.webhooks().pollInterval(), () -> {
            if (fanOut.fanOutAll() > 0) {
                this.sender.nudge();
            }
        });
    }

    @EventListener
    void onPositioned(EventSequencer.EventsPositioned positioned) {
        fanOut.nudge();
    }

    /** Asks for a sending round soon, such as after a delivery was queued by hand. */
    void nudgeSender() {
        sender.nudge();
    }

    @Override
    public void start() {
        sending.start();
        fanOut.start();
        sender.start();
    }

    @Override
    public void stop() {
        fanOut.stop();
        sender.stop();
        sending.stop();
    }

    @Override
    public boolean isRunning() {
        return fanOut.isRunning();
    }
}
