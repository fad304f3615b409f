package org.dialogkarta.pin;

import org.springframework.data.jpa.repository.JpaRepository;

interface PinRepository extends JpaRepository<Pin, Long> {}
