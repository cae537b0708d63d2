"""The kiosk player: the fullscreen Qt window, its timeline wiring and the headless replay."""
